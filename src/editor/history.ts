import { createEffect, createSignal, onCleanup, on } from 'solid-js';
import type { Workspace, ScenarioInput } from '../workspace/store';
import type { Path } from '../workspace/paths';

/**
 * Undo and redo for every change of the scenario being edited (typing, add, remove, kind change,
 * reset, opening a file or link), kept across a reload.
 *
 * Steps are stored as differences (path, old value, new value), not whole scenarios, so 200
 * steps of typing take a few kilobytes. Keys typed into one field within a short pause make one
 * step (undo takes "85000" back to "170000", not to "8500"). The history is saved in its own
 * localStorage entry, at most 200 steps and 1 MB (the oldest steps go first).
 */
export const HISTORY_KEY = 'proeftuin.history.v1';
export const MAX_STEPS = 200;
export const MAX_CHARS = 1_000_000;
/** Edits of the same field closer together than this are one step. */
export const MERGE_MS = 1500;

export interface Change {
  p: Path;
  /** Value before and after; absent = the key did not exist. */
  a?: unknown;
  b?: unknown;
}
export interface Step {
  changes: Change[];
  at: number;
}
export interface HistoryState {
  past: Step[];
  future: Step[];
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The differences from `a` to `b`: per key where both are objects, whole values elsewhere. */
export function diff(a: unknown, b: unknown, path: Path = []): Change[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const out: Change[] = [];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in b)) out.push({ p: [...path, k], a: a[k] });
      else if (!(k in a)) out.push({ p: [...path, k], b: b[k] });
      else out.push(...diff(a[k], b[k], [...path, k]));
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    const out = a.slice(0, n).flatMap((x, i) => diff(x, b[i], [...path, i]));
    // Items added at the end in order, items removed from the end last first, so that applying
    // the list forwards (or backwards, reversed) never shifts an index it still needs.
    for (let i = n; i < b.length; i++) out.push({ p: [...path, i], b: b[i] });
    for (let i = a.length - 1; i >= n; i--) out.push({ p: [...path, i], a: a[i] });
    return out;
  }
  return [{ p: path, a, b }];
}

/** `root` with the changes applied forwards (`b`) or backwards (`a`); returns a new value. */
export function apply(root: unknown, changes: Change[], dir: 'a' | 'b'): unknown {
  let out: any = JSON.parse(JSON.stringify(root ?? null));
  const list = dir === 'a' ? [...changes].reverse() : changes;
  for (const c of list) {
    const has = dir in c;
    const v = has ? JSON.parse(JSON.stringify(c[dir])) : undefined;
    if (c.p.length === 0) {
      out = v;
      continue;
    }
    let o = out;
    for (const k of c.p.slice(0, -1)) o = o?.[k as any];
    if (!o || typeof o !== 'object') continue;
    const last = c.p[c.p.length - 1];
    if (has) o[last as any] = v;
    else if (Array.isArray(o) && typeof last === 'number') o.splice(last, 1);
    else delete o[last as any];
  }
  return out;
}

/** Adds the change from `prev` to `next` as a step (or merges it with the last one). */
export function record(h: HistoryState, prev: unknown, next: unknown, now: number): HistoryState {
  const changes = diff(prev, next);
  if (changes.length === 0) return h;
  const last = h.past[h.past.length - 1];
  const past = [...h.past];
  if (last && changes.length === 1 && last.changes.length === 1 && same(last.changes[0].p, changes[0].p) && now - last.at < MERGE_MS) {
    const merged: Change = { p: changes[0].p };
    if ('a' in last.changes[0]) merged.a = last.changes[0].a;
    if ('b' in changes[0]) merged.b = changes[0].b;
    past[past.length - 1] = { changes: [merged], at: now };
    // Typed back to where it started: no step at all.
    if (same(merged.a, merged.b) && 'a' in merged === 'b' in merged) past.pop();
  } else past.push({ changes, at: now });
  return limit({ past, future: [] });
}

/** At most MAX_STEPS steps and MAX_CHARS characters, dropping the oldest undo steps first. */
export function limit(h: HistoryState): HistoryState {
  const past = h.past.slice(-MAX_STEPS);
  let future = h.future.slice(-MAX_STEPS);
  let size = JSON.stringify({ past, future }).length;
  while (size > MAX_CHARS && past.length > 0) size -= JSON.stringify(past.shift()).length + 1;
  while (size > MAX_CHARS && future.length > 0) {
    size -= JSON.stringify(future[0]).length + 1;
    future = future.slice(1);
  }
  return { past, future };
}

export function undoOf(h: HistoryState, current: unknown): { h: HistoryState; scenario: unknown } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  return { h: { past: h.past.slice(0, -1), future: [...h.future, step] }, scenario: apply(current, step.changes, 'a') };
}

export function redoOf(h: HistoryState, current: unknown): { h: HistoryState; scenario: unknown } | null {
  const step = h.future[h.future.length - 1];
  if (!step) return null;
  return { h: { past: [...h.past, step], future: h.future.slice(0, -1) }, scenario: apply(current, step.changes, 'b') };
}

/** A short fingerprint of a scenario (FNV-1a of its JSON), to know that a saved history belongs to it. */
export function fingerprint(json: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${json.length}:${h.toString(36)}`;
}

interface Saved extends HistoryState {
  format: 'proeftuin-history';
  version: 1;
  /** The scenario the history ends in. */
  at: string;
}

function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(HISTORY_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Saved;
    return s?.format === 'proeftuin-history' && Array.isArray(s.past) && Array.isArray(s.future) ? s : null;
  } catch {
    return null;
  }
}

/** Undo/redo for a workspace: follows its revisions, saves itself, and offers undo/redo. */
export function createHistory(ws: Workspace) {
  const [state, setState] = createSignal<HistoryState>({ past: [], future: [] });
  let lastJson = JSON.stringify(ws.snapshot());
  let last: unknown = JSON.parse(lastJson);
  // A saved history is taken up once the workspace holds the scenario it ends in (the workspace
  // may be restored after this runs).
  let pending = loadSaved();
  const adopt = (json: string) => {
    if (pending && pending.at === fingerprint(json)) {
      setState(limit({ past: pending.past, future: pending.future }));
      pending = null;
      return true;
    }
    return false;
  };
  adopt(lastJson);

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    try {
      const s: Saved = { format: 'proeftuin-history', version: 1, at: fingerprint(lastJson), ...state() };
      localStorage.setItem(HISTORY_KEY, JSON.stringify(s));
    } catch {
      // storage full or blocked: undo still works in this tab
    }
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 200);
  };
  window.addEventListener('pagehide', save);
  onCleanup(() => window.removeEventListener('pagehide', save));

  createEffect(
    on(
      ws.revision,
      () => {
        const now = ws.snapshot();
        const json = JSON.stringify(now);
        if (json === lastJson) return;
        if (!adopt(json)) setState((h) => record(h, last, now, Date.now()));
        last = now;
        lastJson = json;
        scheduleSave();
      },
      { defer: true },
    ),
  );

  const go = (r: { h: HistoryState; scenario: unknown } | null) => {
    if (!r) return;
    setState(r.h);
    last = r.scenario;
    lastJson = JSON.stringify(r.scenario);
    ws.replace(r.scenario as ScenarioInput);
    scheduleSave();
  };
  return {
    canUndo: () => state().past.length > 0,
    canRedo: () => state().future.length > 0,
    /** The fields the next undo / redo changes (for the buttons' titles). */
    nextUndo: () => state().past[state().past.length - 1]?.changes.map((c) => c.p) ?? [],
    nextRedo: () => state().future[state().future.length - 1]?.changes.map((c) => c.p) ?? [],
    undo: () => go(undoOf(state(), ws.snapshot())),
    redo: () => go(redoOf(state(), ws.snapshot())),
    steps: () => state().past.length,
  };
}

export type History = ReturnType<typeof createHistory>;
