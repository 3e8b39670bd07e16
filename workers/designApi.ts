import type { Issue } from '../models/core/issues';
import type { Acceptance, Design, TermRange } from '../models/analysis/design';

export interface DesignApi {
  /** The contract designer on `input` (validated here); an error names what is wrong. */
  design(
    input: unknown,
    contract: string,
    terms: TermRange[],
    accept: Acceptance[],
    opts: { runs: number; steps: number },
    onProgress: (done: number, planned: number) => void,
  ): Promise<{ ok: true; design: Design } | { ok: false; message: string; issues?: Issue[] }>;
}
