/**
 * "A run is in progress", kept in localStorage (synchronous, so it is written before the run
 * starts and survives a page that freezes or crashes). Cleared once the finished run's views have
 * been drawn and the page is idle again. Found set on the next open, the autosaved scenario is not
 * run by itself: a file that froze the page would otherwise freeze it on every later visit.
 */
const KEY = 'proeftuin.runInProgress';
/** A page that took this long to become idle after a run froze while drawing it. */
const FROZE_MS = 5000;

export function markRunStarted(title: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ startedAt: new Date().toISOString(), title }));
  } catch {
    // storage blocked: the guard is a courtesy
  }
}

/** Whether the last run on this site was still in progress when the page went away. */
export function interruptedRun(): { startedAt: string; title: string } | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { startedAt?: unknown; title?: unknown };
    return { startedAt: String(v?.startedAt ?? ''), title: String(v?.title ?? '') };
  } catch {
    return null;
  }
}

export function clearRunMark(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
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
