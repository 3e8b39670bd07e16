import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE, LINE_FACTS } from '../../../models/core/lines';
import { validateScenario } from '../../../models/pipeline/validate';
import { defaultInput } from '../../helpers';

// A contract's scope lists the care lines by name (the editor's LineScopeField); a contract that
// names none covers today's scope.
describe("a contract's scope", () => {
  it("today's scope is GP, 1.5-line care, hospital and pharmacy: mental health and other Zvw care only when a contract names them", () => {
    expect([...DEFAULT_SCOPE]).toEqual(['gp', 'intermediate', 'hospital', 'pharmacy']);
    expect(DEFAULT_SCOPE.map((l) => LINE_FACTS[l].label.nl)).toEqual(['Huisarts (1e lijn)', 'Anderhalvelijnszorg', 'Ziekenhuis (2e lijn)', 'Farmacie']);
    const r = validateScenario(defaultInput());
    if (!r.ok) throw new Error('default');
    for (const m of r.scenario.financing?.models ?? []) if ('scope' in m) expect(m.scope, m.id).toEqual([...DEFAULT_SCOPE]);
  });
});
