/**
 * "A run is in progress", kept in localStorage (synchronous, so it is written before the run
 * starts and survives a page that freezes or crashes), one entry per tab. Cleared once the
 * finished run's views have been drawn and the page is idle again, or when the page is left
 * normally. Found on the next open with no live tab answering for it, the autosaved scenario is
 * not run by itself: a file that froze the page would otherwise freeze it on every later visit.
 */
const PREFIX = 'proeftuin.runInProgress';
/** A page that took this long to become idle after a run froze while drawing it. */
const FROZE_MS = 5000;
/** How long a live tab gets to say that the run it marked is still going (a frozen one cannot). */
const ANSWER_MS = 400;

const TAB = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const KEY = `${PREFIX}.${TAB}`;
let marked = false;

type Msg = { type: 'who-runs' } | { type: 'running'; tab: string };
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('proeftuin-runs') : null;
if (channel) {
  channel.onmessage = (e: MessageEvent<Msg>) => {
    if (e.data?.type === 'who-runs' && marked) channel.postMessage({ type: 'running', tab: TAB } satisfies Msg);
  };
}

const storage = (): Storage | null => {
  try {
    return localStorage;
  } catch {
    return null;
  }
};

export function markRunStarted(title: string): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ tab: TAB, startedAt: new Date().toISOString(), title }));
    marked = true;
  } catch {
    // storage full or blocked: the guard is a courtesy
  }
}

export function clearRunMark(): void {
  marked = false;
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

if (typeof window !== 'undefined') {
  // Leaving the page normally (close, reload, navigate) is no freeze and no crash.
  window.addEventListener('pagehide', () => marked && clearRunMark());
}

export interface Interrupted {
  startedAt: string;
  title: string;
  keys: string[];
}

/**
 * The runs marked in progress by tabs that are gone (none answers for them): the page froze or
 * crashed during them. Null when there are none.
 */
export async function interruptedRun(): Promise<Interrupted | null> {
  const s = storage();
  if (!s) return null;
  const found: { key: string; tab: string; startedAt: string; title: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key || !key.startsWith(PREFIX) || key === KEY) continue;
    try {
      const v = JSON.parse(s.getItem(key) ?? '{}') as { tab?: unknown; startedAt?: unknown; title?: unknown };
      found.push({ key, tab: String(v.tab ?? ''), startedAt: String(v.startedAt ?? ''), title: String(v.title ?? '') });
    } catch {
      found.push({ key, tab: '', startedAt: '', title: '' });
    }
  }
  if (found.length === 0) return null;
  const alive = new Set<string>();
  if (channel) {
    const listen = (e: MessageEvent<Msg>) => e.data?.type === 'running' && alive.add(e.data.tab);
    channel.addEventListener('message', listen);
    channel.postMessage({ type: 'who-runs' } satisfies Msg);
    await new Promise((r) => setTimeout(r, ANSWER_MS));
    channel.removeEventListener('message', listen);
  }
  // A mark cleared while waiting belonged to a tab whose run just ended normally (it had stopped
  // answering because it was no longer running): only marks still there and unanswered count.
  const gone = found.filter((f) => !alive.has(f.tab) && s.getItem(f.key) !== null);
  if (gone.length === 0) return null;
  return { startedAt: gone[0].startedAt, title: gone[0].title, keys: gone.map((g) => g.key) };
}

/** The user chose to run again: the marks of the interrupted runs are done with. */
export function forgetInterrupted(i: Interrupted | null): void {
  if (!i) return;
  const s = storage();
  for (const k of i.keys) {
    try {
      s?.removeItem(k);
    } catch {
      // already gone
    }
  }
}

/**
 * Clears the mark once the page has drawn the run's results and is idle (two frames, then an idle
 * moment), unless the page was frozen for seconds on the way there: then the mark stays, and the
 * next visit asks before running again. `done` is called either way, with whether it was cleared.
 */
export function settleAfterDrawing(done: (cleared: boolean) => void): () => void {
  let cancelled = false;
  const t0 = performance.now();
  // A hidden tab draws nothing until it is shown again: a late callback there is no freeze.
  let hidden = document.hidden;
  const seen = () => (hidden ||= document.hidden);
  document.addEventListener('visibilitychange', seen);
  const idle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 50));
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      idle(() => {
        document.removeEventListener('visibilitychange', seen);
        if (cancelled) return;
        const froze = performance.now() - t0 > FROZE_MS && !hidden;
        if (!froze) clearRunMark();
        done(!froze);
      }),
    ),
  );
  return () => {
    cancelled = true;
  };
}
