import { describe, expect, it } from 'vitest';
import { designProposalFor, setDesignProposal } from '../../../src/decision/designProposal';
import type { Design } from '../../../models/analysis/designSearch';

const design = (nash: number | null, equalShares: number | null) => ({ nash, equalShares }) as unknown as Design;

describe('the designer’s proposal shared with the financing table', () => {
  it('is shown for the run it was searched for only', () => {
    const searched = { simulation: { seed: 1 } };
    const again = { simulation: { seed: 1 } }; // the same scenario run again: another input object
    setDesignProposal({ for: searched, contractName: 'ss', design: design(3, 5) });
    expect(designProposalFor(searched)?.design.nash).toBe(3);
    expect(designProposalFor(again)).toBeNull();
    setDesignProposal(null);
    expect(designProposalFor(searched)).toBeNull();
  });
  it('is not shown when nothing is acceptable', () => {
    const input = {};
    setDesignProposal({ for: input, contractName: 'ss', design: design(null, null) });
    expect(designProposalFor(input)).toBeNull();
    setDesignProposal({ for: input, contractName: 'ss', design: design(null, 0) });
    expect(designProposalFor(input)?.design.equalShares).toBe(0);
    setDesignProposal(null);
  });
});
