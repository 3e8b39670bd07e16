import { createSignal } from 'solid-js';
import type { Design } from '../../models/analysis/designSearch';

/**
 * The designer's latest proposal, shared by the designer and the financing table (which shows it
 * as an extra row beside the contracts): the search's result as the worker returned it, and the
 * scenario input it was searched for. The table shows it only while that input is the one shown,
 * so a run of the scenario again makes it belong to an older run and the row goes.
 */
export interface DesignProposal {
  /** The run's scenario input the search was made for (compared by identity). */
  for: unknown;
  contractName: unknown;
  design: Design;
}

const [proposal, setProposal] = createSignal<DesignProposal | null>(null);
export const setDesignProposal = (p: DesignProposal | null) => setProposal(p);

/** The proposal for the run whose input is `input`, or null (none, or made for another run). */
export const designProposalFor = (input: unknown): DesignProposal | null => {
  const p = proposal();
  return p && p.for === input && (p.design.nash !== null || p.design.equalShares !== null) ? p : null;
};
