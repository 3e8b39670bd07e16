import { describe, expect, it } from 'vitest';
import { EditHistory } from '../../src/workspace/history';
import { clone, getAt, type Path } from '../../src/workspace/paths';

/** The store's edit, plainly: set (or remove) the value at a path of a plain object. */
function apply(root: any, path: Path, value: unknown): void {
  if (path.length === 0) return;
  const parent = getAt(root, path.slice(0, -1)) as any;
  const key = path[path.length - 1];
  if (value === undefined && typeof key === 'number') parent.splice(key, 1);
  else if (value === undefined) delete parent[key];
  else parent[key] = clone(value);
}

function session() {
  const h = new EditHistory({ coalesceMs: 1000 });
  let doc: any = { region: { population: 170000, name: 'A' }, interventions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  let t = 0;
  const edit = (path: Path, value: unknown, dt = 5000) => {
    t += dt;
    h.recordEdit(doc, path, value, t);
    apply(doc, path, value);
  };
  const replace = (next: unknown) => {
    t += 5000;
    h.recordReplace(doc, next, t);
    doc = clone(next);
  };
  const step = (s: ReturnType<EditHistory['undo']>, which: 'before' | 'after') => {
    if (!s) return;
    if (s.kind === 'replace') doc = clone(s[which]);
    else apply(doc, s.path, s[which]);
  };
  return { h, edit, replace, doc: () => doc, undo: () => step(h.undo(), 'before'), redo: () => step(h.redo(), 'after') };
}

describe('undo and redo of scenario edits', () => {
  it('undoes typing in one field as one step, and other edits one by one, then redoes them', () => {
    const s = session();
    const start = clone(s.doc());
    for (const v of [8, 85, 850, 8500, 85000]) s.edit(['region', 'population'], v, 100);
    s.edit(['region', 'name'], 'Heuvelland');
    s.edit(['interventions', 1], undefined); // remove b
    s.edit(['interventions', 2], { id: 'd' }); // add d at the end
    const end = clone(s.doc());
    expect(end.interventions.map((x: any) => x.id)).toEqual(['a', 'c', 'd']);
    expect(s.h.size.undo).toBe(4);
    s.undo();
    expect(s.doc().interventions.map((x: any) => x.id)).toEqual(['a', 'c']);
    s.undo();
    expect(s.doc().interventions.map((x: any) => x.id)).toEqual(['a', 'b', 'c']);
    s.undo();
    s.undo();
    expect(s.doc()).toEqual(start);
    for (let i = 0; i < 4; i++) s.redo();
    expect(s.doc()).toEqual(end);
  });

  it('undoes a replace (opening a file) back to the scenario before, and a new edit clears redo', () => {
    const s = session();
    s.edit(['region', 'population'], 5000);
    const before = clone(s.doc());
    s.replace({ region: { population: 1 }, interventions: [] });
    s.undo();
    expect(s.doc()).toEqual(before);
    s.edit(['region', 'name'], 'B');
    expect(s.h.canRedo).toBe(false);
  });

  it('keeps at least 100 steps, survives a round trip through JSON (a reload) and drops damaged entries', () => {
    const s = session();
    for (let i = 0; i < 150; i++) s.edit(['region', 'population'], 1000 + i);
    expect(s.h.size.undo).toBe(150);
    const saved = JSON.parse(JSON.stringify(s.h.state()));
    saved.undo.push({ kind: 'nonsense' }, null, { kind: 'edit', path: [{}] });
    const h2 = new EditHistory({}, saved);
    expect(h2.size.undo).toBe(150);
    const last = h2.undo()!;
    expect(last.kind === 'edit' && last.before).toBe(1148);
  });

  it('bounds the whole-scenario steps it keeps, dropping the older edits that depended on them', () => {
    const h = new EditHistory({ replaceLimit: 2 });
    h.recordEdit({ a: 1 }, ['a'], 2, 0);
    for (let i = 0; i < 3; i++) h.recordReplace({ a: i }, { a: i + 1 }, 10_000 * (i + 1));
    h.recordEdit({ a: 5 }, ['a'], 6, 100_000);
    expect(h.size.undo).toBe(3);
  });
});
