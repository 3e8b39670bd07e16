import { describe, expect, it } from 'vitest';
import { addableKeys, defaultValueAt } from '../../../src/editor/schemaHelp';
import { validateScenario } from '../../../models/pipeline/validate';
import { clone, defaultInput } from '../../helpers';

/**
 * "+ Add field" offers the optional fields the format allows where the scenario leaves them out,
 * and starts each at a value that validates: a contract (a union of kinds) gets its own kind's
 * fields, coverage among them; the benchmark's weights and rebasing start valid.
 */
const scenario = () => clone(defaultInput()) as any;

describe('adding an optional field in the editor', () => {
  it("offers a contract's own optional fields, coverage among them, by the contract's kind", () => {
    const s = scenario();
    s.financing.models.forEach((m: any, i: number) => {
      const keys = addableKeys(['financing', 'models', i], Object.keys(m), m);
      expect(keys, `${m.id} (${m.kind})`).toContain('coverage');
      expect(keys.some((k) => k in m)).toBe(false);
    });
    // A field of another kind is not offered: a bonus has no stop-loss.
    const bonus = s.financing.models.findIndex((m: any) => m.kind === 'bonus');
    expect(addableKeys(['financing', 'models', bonus], Object.keys(s.financing.models[bonus]), s.financing.models[bonus])).not.toContain('stopLoss');
  });

  it('starts coverage at 100%, an agreement period at 3 years and equal weights per pre-contract year, each valid as added', () => {
    for (const [path, want] of [
      [['financing', 'models', 2, 'coverage'], 1],
      [['benchmark', 'rebase'], { everyYears: 3 }],
      [
        ['benchmark', 'weights'],
        [0.33, 0.33, 0.34],
      ],
    ] as const) {
      const s = scenario();
      const parentPath = path.slice(0, -1) as (string | number)[];
      const parent = parentPath.reduce((o: any, k) => o[k], s);
      const v = defaultValueAt([...path], parent, s);
      expect(v, path.join('.')).toEqual(want);
      parent[path[path.length - 1]] = v;
      const r = validateScenario(s);
      expect(r.ok, `${path.join('.')}: ${r.ok ? '' : JSON.stringify(r.errors.slice(0, 2))}`).toBe(true);
    }
    const s = scenario();
    s.benchmark.preContractYears = 4;
    expect(defaultValueAt(['benchmark', 'weights'], s.benchmark, s)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
