import { describe, expect, it } from 'vitest';
import { apply, diff, limit, MAX_CHARS, MERGE_MS, record, redoOf, undoOf, type HistoryState } from '../../../src/editor/history';
import { clone, defaultInput } from '../../helpers';

const empty = (): HistoryState => ({ past: [], future: [] });

describe('undo history', () => {
  it('differences apply forwards and backwards to the exact scenarios', () => {
    const a = defaultInput() as any;
    const b = clone(a);
    b.region.population = 85000;
    b.interventions.push(clone(b.interventions[0]));
    delete b.meta.notes;
    b.substitution[0].eligible = { value: 0.05 };
    b.financing.models.splice(1, 1); // removed from the middle
    const d = diff(a, b);
    expect(apply(a, d, 'b')).toEqual(b);
    expect(apply(b, d, 'a')).toEqual(a);
    const c = clone(a);
    c.interventions.push(clone(c.interventions[0]));
    expect(JSON.stringify(diff(a, c)).length).toBeLessThan(JSON.stringify(c.interventions[0]).length + 100);
  });

  it('keys typed into one field make one step; another field or a pause makes a new one', () => {
    const s0 = defaultInput() as any;
    let h = empty();
    let cur = s0;
    let t = 0;
    for (const typed of ['8', '85', '850', '8500', '85000']) {
      const next = clone(cur);
      next.region.population = Number(typed);
      h = record(h, cur, next, (t += 40));
      cur = next;
    }
    expect(h.past).toHaveLength(1);
    const later = clone(cur);
    later.region.population = 90000;
    h = record(h, cur, later, t + MERGE_MS + 1);
    expect(h.past).toHaveLength(2);
    const u1 = undoOf(h, later)!;
    expect((u1.scenario as any).region.population).toBe(85000);
    const u2 = undoOf(u1.h, u1.scenario)!;
    expect(u2.scenario).toEqual(s0);
    expect(undoOf(u2.h, u2.scenario)).toBeNull();
    const r = redoOf(u2.h, u2.scenario)!;
    expect((r.scenario as any).region.population).toBe(85000);
  });

  it('keeps at least 100 steps (200), and a new edit after undo clears redo', () => {
    let cur = defaultInput() as any;
    const first = clone(cur);
    let h = empty();
    for (let i = 0; i < 150; i++) {
      const next = clone(cur);
      next.region.population = 1000 + i;
      h = record(h, cur, next, i * 10 * MERGE_MS); // far apart: one step each
      cur = next;
    }
    expect(h.past).toHaveLength(150);
    let s: unknown = cur;
    for (let i = 0; i < 150; i++) {
      const u = undoOf(h, s)!;
      h = u.h;
      s = u.scenario;
    }
    expect(s).toEqual(first);
    expect(h.future).toHaveLength(150);
    const next = clone(s) as any;
    next.simulation.runs = 500;
    h = record(h, s, next, 1e9);
    expect(h.future).toHaveLength(0);
  });

  it('stays under its size limit by dropping the oldest steps', () => {
    const big = 'x'.repeat(60_000);
    const h = limit({ past: Array.from({ length: 40 }, (_, i) => ({ changes: [{ p: ['meta', 'notes'], a: `${i}${big}`, b: big }], at: i })), future: [] });
    expect(JSON.stringify(h).length).toBeLessThanOrEqual(MAX_CHARS);
    expect(h.past.at(-1)!.at).toBe(39);
    expect(h.past.length).toBeGreaterThan(5);
  });
});
