import { batch, createEffect, createMemo, createSignal, on } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import defaultScenario from '../../scenarios/default.json';
import type { FieldError } from '../../models/scenario/validate';
import type { UiValidator } from '../../workers/uiValidatePool';
import type { UiValidation } from '../../workers/uiValidateApi';
import type { Summary } from '../../models/summary/summarize';
import { clone, pathString, type Path } from './paths';

export const WORKSPACE_KEY = 'proeftuin.workspace.v1';

export type ScenarioInput = Record<string, any>;

/** A named scenario kept in the workspace, with the summary of its last run (for comparison). */
export interface SavedScenario {
  id: string;
  name: string;
  scenario: ScenarioInput;
  savedAt: string;
  result?: { summary: Summary; scenarioHash?: string; cancelled: boolean };
}

interface SavedWorkspace {
  format: 'proeftuin-workspace';
  version: 1;
  /** The scenario being edited, exactly as typed (may be invalid: nothing typed is thrown away). */
  scenario: ScenarioInput;
  /** Named scenarios kept for comparison. */
  saved?: SavedScenario[];
  /** Ids of saved scenarios ticked for comparison. */
  compare?: string[];
  savedAt: string;
}

export const DEFAULT_SCENARIO: ScenarioInput = clone(defaultScenario);

function loadSaved(): SavedWorkspace | null {
  try {
    const raw = localStorage.getItem(WORKSPACE_KEY);
    if (!raw) return null;
    const w = JSON.parse(raw) as SavedWorkspace;
    if (w?.format === 'proeftuin-workspace' && w.scenario && typeof w.scenario === 'object') return w;
  } catch {
    // a damaged entry is ignored; the default scenario loads instead
  }
  return null;
}

/**
 * The workspace: the scenario being edited (a Solid store of the raw input), its validation, and
 * its persistence in localStorage after every edit.
 */
export function createWorkspace(validator: UiValidator, initial?: ScenarioInput | null) {
  const stored = loadSaved();
  const restored = initial ? null : stored?.scenario ?? null;
  const [scenario, setScenario] = createStore<ScenarioInput>(clone(initial ?? restored ?? DEFAULT_SCENARIO));
  const [saved, setSaved] = createSignal<SavedScenario[]>(Array.isArray(stored?.saved) ? stored!.saved! : []);
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
      vTimer = setTimeout(async () => {
        const r = await validator.validate(snapshot());
        if (rev !== revision()) return; // a newer edit is on its way
        setValidation({ ...r, pending: false, revision: rev });
        const ready = waiters.filter((w) => w.rev <= rev);
        waiters = waiters.filter((w) => w.rev > rev);
        ready.forEach((w) => w.resolve(r));
      }, rev === 0 ? 0 : 120);
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
    const m = new Map<string, string[]>();
    for (const e of errors()) m.set(e.path, [...(m.get(e.path) ?? []), e.message]);
    return m;
  });

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    try {
      const w: SavedWorkspace = { format: 'proeftuin-workspace', version: 1, scenario: snapshot(), saved: saved(), compare: compare(), savedAt: new Date().toISOString() };
      localStorage.setItem(WORKSPACE_KEY, JSON.stringify(w));
      setSavedAt(new Date());
    } catch {
      // storage full or blocked: the edit stays in memory
    }
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 250);
  };
  const changed = () => {
    setRevision((r) => r + 1);
    scheduleSave();
  };

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
  function keep(name: string, result?: SavedScenario['result'], opts: { compare?: boolean; unlessKept?: boolean } = {}): SavedScenario {
    const scenario = snapshot();
    if (opts.unlessKept) {
      const same = JSON.stringify(scenario);
      const existing = saved().find((x) => JSON.stringify(x.scenario) === same);
      if (existing) {
        if (result && !existing.result) {
          setSaved((l) => l.map((x) => (x.id === existing.id ? { ...x, result } : x)));
          save();
        }
        return existing;
      }
    }
    const item: SavedScenario = { id: `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name, scenario, savedAt: new Date().toISOString(), ...(result ? { result } : {}) };
    setSaved((l) => [...l, item]);
    if (opts.compare !== false) setCompare((c) => (c.length < 4 ? [...c, item.id] : c));
    save();
    return item;
  }
  function forget(id: string): void {
    setSaved((l) => l.filter((x) => x.id !== id));
    setCompare((c) => c.filter((x) => x !== id));
    save();
  }
  function toggleCompare(id: string, on: boolean): void {
    setCompare((c) => (on ? (c.includes(id) || c.length >= 4 ? c : [...c, id]) : c.filter((x) => x !== id)));
    save();
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
    errorsAt: (path: Path) => errorsByPath().get(pathString(path)) ?? [],
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
