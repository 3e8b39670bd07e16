import { createStore as idbStore, get, update, type UseStore } from 'idb-keyval';
import type { Summary } from '../../models/summary/summarize';

/** The old home of the workspace (localStorage, 5 MB for the whole site); read once to migrate. */
export const LEGACY_KEY = 'proeftuin.workspace.v1';
const RECORD = 'workspace';

type Year = Summary['years'][number];

/**
 * What a kept scenario keeps of its last run: the few numbers the comparison shows (a few kB).
 * The full summary (about 0.5 MB) is recomputable by running the scenario again.
 */
export interface KeptSummary {
  runs: number;
  target: number;
  startYear: number;
  minimumSavingsRate: Pick<Summary['minimumSavingsRate'], 'population' | 'withBenchmark'>;
  years: {
    year: number;
    cf: { total: Year['cf']['total'] };
    sc: { total: Year['sc']['total'] };
    reduction: Year['reduction'];
    pReachTarget: Year['pReachTarget'];
    pObserveTarget: Year['pObserveTarget'];
    pObserveTargetByChance: Year['pObserveTargetByChance'];
  }[];
  /** Each contract's parties over the horizon (the comparison's party table), without the years. */
  financing?: { parties: Summary['financing']['parties']; models: (Pick<Summary['financing']['models'][number], 'id' | 'name' | 'kind' | 'horizon'> & { years: [] })[] };
}

/** The comparison's numbers out of a full summary (or an already slim one). */
export function slimSummary(s: Summary | KeptSummary): KeptSummary {
  return {
    runs: s.runs,
    target: s.target,
    startYear: s.startYear,
    minimumSavingsRate: { population: s.minimumSavingsRate.population, withBenchmark: s.minimumSavingsRate.withBenchmark },
    years: s.years.map((y) => ({
      year: y.year,
      cf: { total: y.cf.total },
      sc: { total: y.sc.total },
      reduction: y.reduction,
      pReachTarget: y.pReachTarget,
      pObserveTarget: y.pObserveTarget,
      pObserveTargetByChance: y.pObserveTargetByChance,
    })),
    ...(s.financing && s.financing.models.length > 0
      ? { financing: { parties: s.financing.parties, models: s.financing.models.map((m) => ({ id: m.id, name: m.name, kind: m.kind, horizon: m.horizon, years: [] as [] })) } }
      : {}),
  };
}

export type ScenarioInput = Record<string, any>;

/** A named scenario kept in the workspace, with the comparison numbers of its last run. */
export interface SavedScenario {
  id: string;
  name: string;
  scenario: ScenarioInput;
  savedAt: string;
  result?: { summary: KeptSummary; scenarioHash?: string; cancelled: boolean };
}

export interface SavedWorkspace {
  format: 'proeftuin-workspace';
  version: 1;
  /** The scenario being edited, exactly as typed (may be invalid: nothing typed is thrown away). */
  scenario: ScenarioInput;
  /** Named scenarios kept for comparison. */
  saved?: SavedScenario[];
  /** Ids of saved scenarios ticked for comparison. */
  compare?: string[];
  savedAt: string;
  /** The tab that wrote this version (two tabs share one workspace). */
  writer?: string;
}

const isWorkspace = (w: unknown): w is SavedWorkspace =>
  !!w && typeof w === 'object' && (w as SavedWorkspace).format === 'proeftuin-workspace' && !!(w as SavedWorkspace).scenario && typeof (w as SavedWorkspace).scenario === 'object';

/** A stored workspace with every kept scenario's result cut to the comparison's numbers. */
export function slimWorkspace(w: SavedWorkspace): SavedWorkspace {
  return {
    ...w,
    saved: (Array.isArray(w.saved) ? w.saved : [])
      .filter((s) => s && typeof s === 'object' && typeof s.id === 'string' && s.scenario && typeof s.scenario === 'object')
      .map((s) => {
        if (!s.result) return s;
        try {
          return { ...s, result: { ...s.result, summary: slimSummary(s.result.summary) } };
        } catch {
          const { result: _broken, ...rest } = s; // a damaged result is recomputable; the scenario is kept
          return rest;
        }
      }),
    compare: Array.isArray(w.compare) ? w.compare.filter((x) => typeof x === 'string') : [],
  };
}

let db: UseStore | null = null;
const store = (): UseStore => (db ??= idbStore('proeftuin', 'workspace'));

export interface Loaded {
  stored: SavedWorkspace | null;
  /**
   * Current scenarios that pages going away had not yet got into IndexedDB (its writes are
   * asynchronous and may be cut off by a reload or close), newest first.
   */
  unsaved?: UnsavedEdit[];
  /** Where it came from: the old localStorage entry is moved to IndexedDB on first open. */
  from: 'indexeddb' | 'localStorage' | 'none';
  /** IndexedDB could not be opened (e.g. some private windows): saving will fail and say so. */
  idbError?: string;
}

function legacy(): SavedWorkspace | null {
  try {
    const raw = localStorage.getItem(LEGACY_KEY);
    if (!raw) return null;
    const w = JSON.parse(raw) as unknown;
    return isWorkspace(w) ? slimWorkspace(w) : null;
  } catch {
    return null; // a damaged entry is ignored; the default scenario loads instead
  }
}

/** The stored workspace; the first time, the old localStorage one (moved over, then removed). */
export async function loadWorkspace(): Promise<Loaded> {
  const unsaved = readUnsaved();
  const loaded = await loadStored();
  return unsaved.length > 0 ? { ...loaded, unsaved } : loaded;
}

async function loadStored(): Promise<Loaded> {
  let stored: unknown;
  try {
    stored = await get(RECORD, store());
  } catch (e) {
    const old = legacy();
    return { stored: old, from: old ? 'localStorage' : 'none', idbError: e instanceof Error ? e.message : String(e) };
  }
  if (isWorkspace(stored)) return { stored: slimWorkspace(stored), from: 'indexeddb' };
  const old = legacy();
  if (!old) return { stored: null, from: 'none' };
  try {
    await update(RECORD, (cur) => (isWorkspace(cur) ? cur : old), store());
    localStorage.removeItem(LEGACY_KEY); // only once the copy is safely in IndexedDB
  } catch {
    // left in localStorage: the next save will say that saving fails
  }
  return { stored: old, from: 'localStorage' };
}

/**
 * Writes the workspace in one IndexedDB transaction that first reads what is stored, so that
 * `merge` can keep what another tab wrote meanwhile. Resolves with what was written; rejects
 * when the browser refuses (storage full, blocked), for the caller to say so.
 */
export async function saveWorkspace(merge: (stored: SavedWorkspace | null) => SavedWorkspace): Promise<SavedWorkspace> {
  let written: SavedWorkspace | null = null;
  await update(
    RECORD,
    (cur) => {
      written = merge(isWorkspace(cur) ? cur : null);
      return written;
    },
    store(),
  );
  return written!;
}

/**
 * The current scenario of a page going away before its save reached IndexedDB, written
 * synchronously (IndexedDB cannot be waited for while a page unloads). One entry per tab, in
 * localStorage, or in this tab's sessionStorage (which a reload keeps) when localStorage is full.
 */
export interface UnsavedEdit {
  key: string;
  scenario: ScenarioInput;
  /** Scenarios kept on that page whose save had not been confirmed either (without results). */
  kept: SavedScenario[];
  /** When it was edited (ISO time), to compare with the stored workspace's `savedAt`. */
  at: string;
}
const UNSAVED_PREFIX = 'proeftuin.unsaved.';
/** The journal entry's key of one tab. */
export const unsavedKey = (tab: string) => UNSAVED_PREFIX + tab;

const storages = (): Storage[] => {
  const out: Storage[] = [];
  for (const get of [() => localStorage, () => sessionStorage]) {
    try {
      const s = get();
      if (s) out.push(s);
    } catch {
      // blocked (e.g. storage disabled): the other one, or none
    }
  }
  return out;
};

/** Writes the journal entry of `tab`; false when no storage took it. */
export function keepUnsaved(tab: string, scenario: ScenarioInput, kept: SavedScenario[], at: Date): boolean {
  const text = JSON.stringify({ scenario, kept: kept.map(({ result: _recomputable, ...k }) => k), at: at.toISOString() });
  for (const s of storages()) {
    try {
      s.setItem(unsavedKey(tab), text);
      return true;
    } catch {
      // full: try the next storage
    }
  }
  return false;
}

/** Removes journal entries (once what they held is safely in IndexedDB). */
export function dropUnsaved(keys: string[]): void {
  for (const s of storages())
    for (const k of keys) {
      try {
        s.removeItem(k);
      } catch {
        // already gone
      }
    }
}

/** The journal entries of pages that went away, newest first; damaged ones are skipped. */
function readUnsaved(): UnsavedEdit[] {
  const found: UnsavedEdit[] = [];
  for (const s of storages()) {
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (!key?.startsWith(UNSAVED_PREFIX)) continue;
        try {
          const v = JSON.parse(s.getItem(key) ?? '') as { scenario?: unknown; kept?: unknown; at?: unknown };
          if (!v || typeof v.scenario !== 'object' || !v.scenario || typeof v.at !== 'string') continue;
          const kept = (Array.isArray(v.kept) ? v.kept : []).filter(
            (k): k is SavedScenario => !!k && typeof k === 'object' && typeof k.id === 'string' && typeof k.name === 'string' && !!k.scenario && typeof k.scenario === 'object',
          );
          // The same tab's entry in both storages (localStorage was full once): the later one.
          const twin = found.findIndex((f) => f.key === key);
          if (twin < 0) found.push({ key, scenario: v.scenario as ScenarioInput, kept, at: v.at });
          else if (found[twin].at < v.at) found[twin] = { key, scenario: v.scenario as ScenarioInput, kept, at: v.at };
        } catch {
          // unreadable: ignored (nothing in it can be shown)
        }
      }
    } catch {
      // storage unreadable
    }
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The stored workspace as it is now (another tab may have written it). */
export async function readWorkspace(): Promise<SavedWorkspace | null> {
  const w = await get(RECORD, store());
  return isWorkspace(w) ? slimWorkspace(w) : null;
}

/** Asks the browser not to evict the workspace under storage pressure (granted or not, silently). */
export async function askPersistence(): Promise<boolean | undefined> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return await navigator.storage?.persist?.();
  } catch {
    return undefined;
  }
}

/** Bytes this site uses and may use, when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}
