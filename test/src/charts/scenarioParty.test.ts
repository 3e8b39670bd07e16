import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioParty } from '../../../src/charts/financeFocus';

const file = (name: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8'));

describe('the party a scenario is about (where the per-party chart opens)', () => {
  it('population payment: the integrator; a hospital budget: the hospital; shared savings and bonus: the provider with the larger split', () => {
    expect(scenarioParty(file('populatie-10k.json'))).toBe('integrator');
    expect(scenarioParty(file('populatie-170k.json'))).toBe('integrator');
    expect(scenarioParty(file('ziekenhuisbudget-substitutie.json'))).toBe('hospital');
    expect(scenarioParty(file('farmacie-shared-savings.json'))).toBe('gp');
    expect(scenarioParty(file('anderhalvelijn-170k.json'))).toBe('gp');
  });

  it('votes: most contracts win, a tie goes to the earliest contract; fee-for-service alone: the hospital', () => {
    const m = (kind: string, split?: object) => ({ kind, ...(split ? { split } : {}) });
    expect(scenarioParty({ financing: { models: [m('ffs')] } })).toBe('hospital');
    expect(scenarioParty({ financing: { models: [m('ffs'), m('population'), m('hospitalBudget')] } })).toBe('integrator');
    expect(scenarioParty({ financing: { models: [m('hospitalBudget'), m('population')] } })).toBe('hospital');
    expect(scenarioParty({ financing: { models: [m('population'), m('sharedSavings', { gp: 0.2, hospital: 0.8 }), m('bonus', { gp: 0.3, hospital: 0.7 })] } })).toBe('hospital');
    expect(scenarioParty(undefined)).toBe('hospital');
  });
});
