import type { Scenario } from '../models/scenario/schema';
import type { Calibration } from '../models/analysis/calibrate';
import type { Region } from '../models/region/select';
import type { VektisError, VektisFile } from '../models/region/vektis';
import type { RegionImportResult } from '../models/analysis/regionScenario';
import type { LineGroupRecord } from '../models/scenario/regionImport';
import type { Moved } from './remote';

/** A problem with the file or the choice, by code, so that the page can say it in its language. */
export interface RegionProblem {
  code: VektisError['code'] | 'calibration' | 'base' | 'read' | 'badBands' | 'mapping';
  row?: number;
  column?: string;
  /** The engine's English message (shown in English, and as detail in Dutch). */
  message: string;
}

export interface RegionFileInfo {
  areaKind: 'gemeente' | 'postcode3';
  areas: { area: string; insuredYears: number }[];
  /** The data year read from the file name; null when the name has none. */
  year: number | null;
  sha256: string;
  unmappedColumns: string[];
  restRows: number;
}

export interface RegionBuilt {
  scenario: Scenario;
  source: string;
  region: Pick<Region, 'areas' | 'insuredYears' | 'costPerInsuredYear' | 'standardised'>;
  calibration: Pick<Calibration, 'groups' | 'outside' | 'personCv' | 'top1'>;
  /** The scenario's segments: share and start-year expected cost per insured. */
  segments: RegionImportResult['segments'];
  /** What the import did to interventions, substitutions and correlations aimed at segments that are gone. */
  notes: RegionImportResult['notes'];
  /** The mapping from care categories to care lines the scenario now carries. */
  mapping: LineGroupRecord[];
  /** The file's cost columns and the category each counted for. */
  columns: VektisFile['costColumns'];
}

export interface RegionApi {
  /** Reads a Vektis open-data file (its bytes handed over); the parsed rows stay in the worker for `build`. */
  read(bytes: Moved<ArrayBuffer>, fileName: string, onProgress: (share: number) => void): Promise<{ ok: true; info: RegionFileInfo } | { ok: false; problem: RegionProblem }>;
  /** A scenario of the chosen areas of the file last read: age-band segments, or the base's segments with their cost level scaled. */
  build(
    areas: string[],
    bands: string,
    year: number,
    base: unknown,
    segments: 'ageBands' | 'base',
    lines?: LineGroupRecord[],
  ): Promise<{ ok: true; built: RegionBuilt } | { ok: false; problem: RegionProblem }>;
}
