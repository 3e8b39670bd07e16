import { clone, getAt, type Path } from './paths';

/**
 * Undo and redo of scenario edits. A step remembers what it changed (the value at one path
 * before and after, or the whole scenario for a replace), not a copy of the scenario per step,
 * so 100+ steps of typing stay a few kilobytes. Keystrokes into one field within `coalesceMs` of
 * each other are one step, as a word processor undoes a typed word, not a letter.
 */
export type HistoryStep =
  | { kind: 'edit'; path: Path; before: unknown; after: unknown; at: number }
  | { kind: 'replace'; before: unknown; after: unknown; at: number };

export interface HistoryState {
  undo: HistoryStep[];
  redo: HistoryStep[];
}

export interface HistoryOptions {
  /** Steps kept (oldest dropped first). */
  limit?: number;
  coalesceMs?: number;
  /** Whole-scenario steps kept at most (each holds two scenarios). */
  replaceLimit?: number;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((p, i) => p === b[i]);

export class EditHistory {
  private undoStack: HistoryStep[] = [];
  private redoStack: HistoryStep[] = [];
  private readonly limit: number;
  private readonly coalesceMs: number;
  private readonly replaceLimit: number;

  constructor(opts: HistoryOptions = {}, state?: HistoryState) {
    this.limit = opts.limit ?? 200;
    this.coalesceMs = opts.coalesceMs ?? 1000;
    this.replaceLimit = opts.replaceLimit ?? 20;
    if (state && Array.isArray(state.undo) && Array.isArray(state.redo)) {
      this.undoStack = state.undo.filter(isStep);
      this.redoStack = state.redo.filter(isStep);
    }
  }

  /**
   * Records an edit of `root` at `path` to `value`, before it is applied. Removing an array
   * element is recorded as a change of the whole array, so that undo puts it back in its place.
   */
  recordEdit(root: unknown, path: Path, value: unknown, now = Date.now()): void {
    let at = path;
    let after = value;
    if (value === undefined && typeof path[path.length - 1] === 'number') {
      at = path.slice(0, -1);
      const arr = getAt(root, at);
      const i = path[path.length - 1] as number;
      after = Array.isArray(arr) ? arr.filter((_, k) => k !== i) : undefined;
    }
    const before = getAt(root, at);
    const last = this.undoStack[this.undoStack.length - 1];
    if (last && last.kind === 'edit' && samePath(last.path, at) && now - last.at < this.coalesceMs && !isObject(after)) {
      last.after = cloneOrUndefined(after);
      last.at = now;
    } else this.push({ kind: 'edit', path: [...at], before: cloneOrUndefined(before), after: cloneOrUndefined(after), at: now });
    this.redoStack = [];
  }

  /** Records replacing the whole scenario (open a file, a link, the default). */
  recordReplace(before: unknown, after: unknown, now = Date.now()): void {
    this.push({ kind: 'replace', before: clone(before), after: clone(after), at: now });
    this.redoStack = [];
  }

  /** The step to undo (apply its `before`), or null. */
  undo(): HistoryStep | null {
    const s = this.undoStack.pop() ?? null;
    if (s) this.redoStack.push(s);
    return s;
  }

  /** The step to redo (apply its `after`), or null. */
  redo(): HistoryStep | null {
    const s = this.redoStack.pop() ?? null;
    if (s) this.undoStack.push(s);
    return s;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  get size(): { undo: number; redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length };
  }

  /** Plain data to keep across a reload. */
  state(): HistoryState {
    return { undo: this.undoStack, redo: this.redoStack };
  }

  private push(s: HistoryStep): void {
    this.undoStack.push(s);
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
    const replaces = this.undoStack.filter((x) => x.kind === 'replace');
    if (replaces.length > this.replaceLimit) {
      const drop = new Set<HistoryStep>(replaces.slice(0, replaces.length - this.replaceLimit));
      // Dropping a replace makes every older step meaningless (it applied to another scenario).
      let lastDropped = -1;
      this.undoStack.forEach((x, i) => {
        if (drop.has(x)) lastDropped = i;
      });
      this.undoStack.splice(0, lastDropped + 1);
    }
  }
}

const isObject = (v: unknown) => v !== null && typeof v === 'object';
const cloneOrUndefined = (v: unknown) => (v === undefined ? undefined : clone(v));

function isStep(s: unknown): s is HistoryStep {
  if (!isObject(s)) return false;
  const x = s as Record<string, unknown>;
  return (x.kind === 'edit' && Array.isArray(x.path) && x.path.every((p) => typeof p === 'string' || typeof p === 'number')) || x.kind === 'replace';
}
