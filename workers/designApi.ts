import type { Issue } from '../models/core/issues';
import type { Design, DesignSetup, VariantOutcome } from '../models/analysis/designSearch';
import type { Acceptance, TermRange } from '../models/analysis/designTerms';
import type { RunBlock } from '../models/runner/protocol';
import type { Scenario } from '../models/scenario/schema';
import type { Moved } from './remote';

/** A design that could not be made: the English message and, when known, the issues to word in the interface language. */
export type DesignFailure = { ok: false; message: string; issues?: Issue[] };

export type DesignAnswer = { ok: true; design: Design } | DesignFailure;

/** What the designer's panel calls: the whole search on `input` (validated in the worker). */
export interface DesignApi {
  /** The contract designer on `input` (validated here); an error names what is wrong. */
  design(input: unknown, contract: string, terms: TermRange[], accept: Acceptance[], opts: { runs: number; steps: number }, onProgress: (done: number, planned: number) => void): Promise<DesignAnswer>;
}

/** One search's request, as each worker of a shared search receives it. */
export interface DesignRequest {
  input: unknown;
  contract: string;
  terms: TermRange[];
  accept: Acceptance[];
  opts: { runs: number; steps: number };
}

/**
 * A design worker: the whole search in one worker (`design`), or its parts, so that several
 * workers share one search (`workers/designCoordinator.ts`): each simulates a share of the runs,
 * every one takes all of them, and the variants are spread over the workers.
 */
export interface DesignWorkerApi extends DesignApi {
  /** Validates the request and simulates runs from..from+count of the designer's simulation (they move to the caller), with the search's setup. */
  simulate(request: DesignRequest, from: number, count: number): Promise<{ ok: true; setup: DesignSetup; block: Moved<RunBlock> } | DesignFailure>;
  /**
   * Validates the request and takes the search's runs from runs of the scenario already simulated
   * (the page's last run: `block` of `scenario`): loads them, as `load` does, and returns `copies`
   * copies of them (moved to the caller) for the search's other workers, so the page's thread
   * copies nothing. `blocks` is null when the runs cannot serve (another scenario, too few runs,
   * behavioural responses on): then they must be simulated.
   */
  reuse(request: DesignRequest, scenario: Scenario, block: RunBlock, copies: number): Promise<{ ok: true; setup: DesignSetup; blocks: Moved<RunBlock>[] | null } | DesignFailure>;
  /** Takes the block of all the search's runs and prepares to settle variants of the contract on it. */
  load(request: DesignRequest, block: RunBlock): Promise<{ ok: true } | DesignFailure>;
  /** Each variant's outcome on the loaded runs, in the order asked. */
  evaluate(points: Record<string, number>[]): Promise<{ ok: true; outcomes: VariantOutcome[] } | DesignFailure>;
}

/** Runs of a scenario already simulated, with the scenario they were made for. */
export interface StoredRuns {
  scenario: Scenario;
  block: RunBlock;
}
