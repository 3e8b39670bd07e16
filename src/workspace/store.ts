import { textOf } from '../i18n';
import { batch, createEffect, createMemo, createSignal, on } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import defaultScenario from '../../scenarios/default.json';
import type { FieldError } from '../../models/core/issues';
import type { UiValidator } from '../../workers/uiValidatePool';
import type { UiValidation } from '../../workers/uiValidateApi';
import {
  dropUnsaved,
  keepUnsaved,
  unsavedKey,
  saveWorkspace,
  readWorkspace,
  slimSummary,
  storageEstimate,
  type Loaded,
  type SavedScenario,
  type UnsavedEdit,
  type SavedWorkspace,
  type ScenarioInput,
} from './persist';
import type { Summary } from '../../models/summary/summarize';
import { otherTabName } from './texts';
import { clone, pathString, type Path } from './paths';

export type { SavedScenario, ScenarioInput } from './persist';

export const DEFAULT_SCENARIO: ScenarioInput = clone(defaultScenario);

/** Tells the other tabs of this site what this one did with the shared workspace. */
type TabMessage = { type: 'saved'; tab: string } | { type: 'edit'; tab: string; title: string } | { type: 'forget'; tab: string; id: string };

/** Why a save failed, in words a user can act on. */
export interface SaveFailure {
  quota: boolean;
  detail: string;
}

/**
 * The workspace: the scenario being edited (a Solid store of the raw input), its validation, and
 * its persistence in IndexedDB after every edit (`loaded`: what was stored when the page opened).
 * Tabs share it: a save merges with what another tab stored meanwhile, so no tab drops a scenario
 * another kept, and another tab's current edit is kept before it is overwritten.
 */
export function createWorkspace(validator: UiValidator, loaded: Loaded, initial?: ScenarioInput | null) {
  const stored = loaded.stored;
  const journal = loaded.unsaved ?? [];
  // A page that went away before its last save was written left its current scenario (and what it
  // had kept) in a journal: the newest one newer than the stored workspace is the current scenario
  // again; any other that differs is kept, as another tab's version would be.
  const newest = !initial && journal[0] && journal[0].at > (stored?.savedAt ?? '') ? journal[0] : null;
  const restored = initial ? null : (newest?.scenario ?? stored?.scenario ?? null);
  const [scenario, setScenario] = createStore<ScenarioInput>(clone(initial ?? restored ?? DEFAULT_SCENARIO));
  const [saved, setSaved] = createSignal<SavedScenario[]>(withJournal(Array.isArray(stored?.saved) ? stored!.saved! : [], journal, newest, restored));
  const [compare, setCompare] = createSignal<string[]>(Array.isArray(stored?.compare) ? stored!.compare! : []);
  /** Bumped on every change: validation and saving depend on it rather than on every field. */
  const [revision, setRevision] = createSignal(0);
  const [savedAt, setSavedAt] = createSignal<Date | null>(null);

  const snapshot = (): ScenarioInput => clone(unwrap(scenario));

  // Validation runs in a worker after each edit (briefly debounced); `pending` until it answers.
  const [validation, setValidation] = createSignal<UiValidation & { pending: boolean; revision: number }>({ ok: false, errors: [], pending: true, revision: -1 });
  let waiters: { rev: number; resolve: (v: UiValidation) => void }[] = [];
  let vTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(revision, (rev) => {
      setValidation((v) => ({ ...v, pending: true }));
      clearTimeout(vTimer);
      vTimer = setTimeout(
        async () => {
          const r = await validator.validate(snapshot());
          if (rev !== revision()) return; // a newer edit is on its way
          setValidation({ ...r, pending: false, revision: rev });
          const ready = waiters.filter((w) => w.rev <= rev);
          waiters = waiters.filter((w) => w.rev > rev);
          ready.forEach((w) => w.resolve(r));
        },
        rev === 0 ? 0 : 120,
      );
    }),
  );
  /** The validation of the scenario as it is now. */
  const validated = (): Promise<UiValidation> => {
    const v = validation();
    if (!v.pending && v.revision === revision()) return Promise.resolve(v);
    return new Promise((resolve) => waiters.push({ rev: revision(), resolve }));
  };
  const errors = createMemo<FieldError[]>(() => validation().errors);
  const errorsByPath = createMemo(() => {
    const m = new Map<string, FieldError[]>();
    for (const e of errors()) m.set(e.path, [...(m.get(e.path) ?? []), e]);
    return m;
  });

  // ---- persistence -------------------------------------------------------------------------
  const tab = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const [saveFailure, setSaveFailure] = createSignal<SaveFailure | null>(null);
  const [usage, setUsage] = createSignal<{ usage: number; quota: number } | null>(null);
  /** Another tab edited the current scenario while this one has edits of its own. */
  const [otherTab, setOtherTab] = createSignal<{ title: string; at: number } | null>(null);
  /** Kept scenarios removed here: a merge must not bring them back from storage. */
  const forgotten = new Set<string>();
  /** The current scenario as this tab last read or wrote it in storage. */
  let lastStoredScenario = JSON.stringify(stored?.scenario ?? null);
  let ownEdits = 0;
  /** The revision of the scenario last confirmed written (a journal read at opening is not yet). */
  let writtenRevision = journal.length > 0 ? -1 : 0;
  /** Scenarios kept here whose save is not yet confirmed: they go into the journal too. */
  const keptUnwritten = new Set<string>(
    saved()
      .filter((x) => !stored?.saved?.some((y) => y.id === x.id))
      .map((x) => x.id),
  );
  const journalKeys = journal.map((j) => j.key);
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('proeftuin-workspace') : null;
  const tell = (m: TabMessage) => {
    try {
      channel?.postMessage(m);
    } catch {
      // a closed channel (page going away) is not worth a message
    }
  };
  const sameIds = (a: SavedScenario[], b: SavedScenario[]) => a.length === b.length && a.every((x, i) => x.id === b[i].id);

  /** Mine first, then what only storage has (another tab kept it), minus what was removed here. */
  const mergeKept = (mine: SavedScenario[], theirs: SavedScenario[] | undefined): SavedScenario[] => {
    const have = new Set(mine.map((x) => x.id));
    return [...mine, ...(theirs ?? []).filter((x) => !have.has(x.id) && !forgotten.has(x.id))];
  };

  const merge = (cur: SavedWorkspace | null): SavedWorkspace => {
    const scenarioNow = snapshot();
    let kept = mergeKept(saved(), cur?.saved);
    // Another tab's edit of the current scenario is about to be overwritten: keep it (one copy per tab).
    if (cur && cur.writer && cur.writer !== tab) {
      const theirs = JSON.stringify(cur.scenario);
      if (theirs !== lastStoredScenario && theirs !== JSON.stringify(scenarioNow) && !kept.some((x) => JSON.stringify(x.scenario) === theirs)) {
        const id = `tab-${cur.writer}`;
        const item = otherTabCopy(id, cur.scenario, cur.savedAt);
        kept = kept.some((x) => x.id === id) ? kept.map((x) => (x.id === id ? item : x)) : [...kept, item];
      }
    }
    const ids = new Set(kept.map((x) => x.id));
    return { format: 'proeftuin-workspace', version: 1, scenario: scenarioNow, saved: kept, compare: compare().filter((id) => ids.has(id)), savedAt: new Date().toISOString(), writer: tab };
  };

  const refreshUsage = async () => setUsage(await storageEstimate());
  let saving: Promise<void> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const doSave = async () => {
    const rev = revision();
    try {
      const written = await saveWorkspace(merge);
      lastStoredScenario = JSON.stringify(written.scenario);
      // Whatever the journal read at opening held is in this write (current scenario and kept ones).
      const done = journalKeys.splice(0);
      if (rev === revision()) {
        writtenRevision = rev;
        done.push(unsavedKey(tab));
      }
      if (done.length > 0) dropUnsaved(done);
      for (const x of written.saved ?? []) keptUnwritten.delete(x.id);
      // Merged, not replaced: a scenario kept here while the write was under way is not in `written`.
      const next = mergeKept(saved(), written.saved);
      if (!sameIds(next, saved())) setSaved(next);
      setSavedAt(new Date());
      setSaveFailure(null);
      tell({ type: 'saved', tab });
    } catch (e) {
      const name = (e as { name?: string })?.name ?? '';
      const detail = e instanceof Error ? e.message : String(e);
      setSaveFailure({ quota: name === 'QuotaExceededError' || /quota|space|full/i.test(detail), detail });
    }
    void refreshUsage();
  };
  /** Saves now (after any save under way); resolves when written or refused. */
  const save = (): Promise<void> => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    saving = saving.then(doSave);
    return saving;
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), 250);
  };
  let editToldAt = 0;
  const changed = () => {
    setRevision((r) => r + 1);
    scheduleSave();
  };
  /** An edit typed here (not a replacement by a file or link): the other tabs hear of it. */
  const typed = () => {
    ownEdits++;
    const now = Date.now();
    if (now - editToldAt > 1000) {
      editToldAt = now;
      tell({ type: 'edit', tab, title: textOf(scenario.meta?.title) });
    }
  };
  if (channel) {
    channel.onmessage = (ev: MessageEvent<TabMessage>) => {
      const m = ev.data;
      if (!m || m.tab === tab) return;
      if (m.type === 'edit' && ownEdits > 0) setOtherTab({ title: m.title, at: Date.now() });
      else if (m.type === 'forget') {
        forgotten.add(m.id);
        setSaved((l) => l.filter((x) => x.id !== m.id));
        setCompare((c) => c.filter((x) => x !== m.id));
      } else if (m.type === 'saved') {
        // Show what the other tab kept; its current scenario is kept here before being overwritten.
        void readWorkspace()
          .then((w) => {
            if (!w) return;
            const next = mergeKept(saved(), w.saved);
            if (!sameIds(next, saved())) setSaved(next);
          })
          .catch(() => {});
      }
    };
  }
  if (typeof window !== 'undefined') {
    // A save still waiting for its timer goes out before the page is left or hidden.
    window.addEventListener('pagehide', () => {
      // IndexedDB cannot be waited for here: what is not yet written goes into the journal first.
      // This tab's entry holds all that the entries it opened with held (their scenarios are its
      // current or kept ones): those go, or a browser that never writes would pile them up.
      if (
        (writtenRevision !== revision() || keptUnwritten.size > 0) &&
        keepUnsaved(
          tab,
          snapshot(),
          saved().filter((x) => keptUnwritten.has(x.id)),
          new Date(),
        )
      )
        dropUnsaved(journalKeys.splice(0));
      if (saveTimer !== undefined) void save();
    });
    // A hidden tab may be discarded without a pagehide (mobile, memory pressure): save now.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && saveTimer !== undefined) void save();
    });
  }
  void refreshUsage();
  if (journal.length > 0) scheduleSave();

  /** The whole workspace as a file (when the browser refuses to keep it). */
  const fileText = (): string =>
    `${JSON.stringify({ format: 'proeftuin-workspace', version: 1, scenario: snapshot(), saved: saved(), compare: compare(), savedAt: new Date().toISOString() } satisfies SavedWorkspace, null, 2)}\n`;

  /** Sets the value at `path` (undefined removes the key). */
  function edit(path: Path, value: unknown): void {
    if (path.length === 0) return;
    const parent = path.slice(0, -1);
    const key = path[path.length - 1];
    batch(() => {
      if (value === undefined && typeof key === 'number') {
        // arrays are replaced, not merged, by the store setter
        (setScenario as any)(...parent, (arr: unknown[]) => arr.filter((_, i) => i !== key));
      } else if (value === undefined) {
        (setScenario as any)(...path, undefined); // deletes the key
      } else if (value !== null && typeof value === 'object') {
        (setScenario as any)(...path, reconcile(clone(value) as any));
      } else {
        (setScenario as any)(...path, value);
      }
      changed();
    });
    typed();
  }

  /** Replaces the whole scenario (import, reset, shared link). */
  function replace(input: ScenarioInput): void {
    setScenario(reconcile(clone(input)));
    changed();
  }

  /** Keeps the current scenario (and its last result, when it belongs to it) under a name. */
  /**
   * Keeps the current scenario under `name`. `compare`: tick it for comparison (the user's own
   * "keep"; not when it is kept only so that opening another scenario loses nothing). `unlessKept`:
   * when the same scenario is already kept, keep no copy (only add a result it lacked).
   */
  function keep(name: string, full?: { summary: Summary; scenarioHash?: string; cancelled: boolean }, opts: { compare?: boolean; unlessKept?: boolean } = {}): SavedScenario {
    const scenario = snapshot();
    // Only the comparison's numbers: the full summary is half a megabyte, and recomputable.
    const result: SavedScenario['result'] = full ? { ...full, summary: slimSummary(full.summary) } : undefined;
    if (opts.unlessKept) {
      const same = JSON.stringify(scenario);
      const existing = saved().find((x) => JSON.stringify(x.scenario) === same);
      if (existing) {
        if (result && !existing.result) {
          setSaved((l) => l.map((x) => (x.id === existing.id ? { ...x, result } : x)));
          void save();
        }
        return existing;
      }
    }
    const item: SavedScenario = { id: `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name, scenario, savedAt: new Date().toISOString(), ...(result ? { result } : {}) };
    keptUnwritten.add(item.id);
    setSaved((l) => [...l, item]);
    if (opts.compare !== false) setCompare((c) => (c.length < 4 ? [...c, item.id] : c));
    void save();
    return item;
  }
  function forget(id: string): void {
    forgotten.add(id);
    setSaved((l) => l.filter((x) => x.id !== id));
    setCompare((c) => c.filter((x) => x !== id));
    tell({ type: 'forget', tab, id });
    void save();
  }
  function toggleCompare(id: string, on: boolean): void {
    setCompare((c) => (on ? (c.includes(id) || c.length >= 4 ? c : [...c, id]) : c.filter((x) => x !== id)));
    void save();
  }

  return {
    scenario,
    snapshot,
    saved,
    compare,
    keep,
    forget,
    toggleCompare,
    edit,
    replace,
    validation,
    validated,
    errors,
    errorsByPath,
    revision,
    savedAt,
    saveNow: save,
    saveFailure,
    usage,
    refreshUsage,
    otherTab,
    dismissOtherTab: () => setOtherTab(null),
    fileText,
    errorsAt: (path: Path) => errorsByPath().get(pathString(path)) ?? [],
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;

/**
 * The kept scenarios once the journal's are added: each journal's kept scenarios the list lacks,
 * and each journal's current scenario that is neither the one opened (`current`) nor kept already.
 */
function withJournal(kept: SavedScenario[], journal: UnsavedEdit[], opened: UnsavedEdit | null, current: ScenarioInput | null): SavedScenario[] {
  const out = [...kept];
  const ids = new Set(out.map((x) => x.id));
  const texts = new Set(out.map((x) => JSON.stringify(x.scenario)));
  const currentText = JSON.stringify(current);
  const add = (x: SavedScenario) => {
    out.push(x);
    ids.add(x.id);
    texts.add(JSON.stringify(x.scenario));
  };
  for (const j of journal) {
    for (const k of j.kept) if (!ids.has(k.id) && !texts.has(JSON.stringify(k.scenario))) add(k);
    const text = JSON.stringify(j.scenario);
    if (j !== opened && text !== currentText && !texts.has(text)) add(otherTabCopy(`unsaved-${j.key}`, j.scenario, j.at));
  }
  return out;
}

/** Another tab's version of the current scenario, kept under its title and "(other tab)". */
function otherTabCopy(id: string, scenario: ScenarioInput, savedAt: string): SavedScenario {
  return { id, name: otherTabName(textOf(scenario?.meta?.title) || 'Scenario'), scenario, savedAt };
}
