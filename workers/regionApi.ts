import type { Scenario } from '../models/scenario/schema';
import type { Calibration } from '../models/analysis/calibrate';
import type { Region } from '../models/region/select';
import type { VektisError } from '../models/region/vektis';
import type { Moved } from './remote';

/** A problem with the file or the choice, by code, so that the page can say it in its language. */
export interface RegionProblem {
  code: VektisError['code'] | 'calibration' | 'base' | 'read';
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
}

export interface RegionApi {
  /** Reads a Vektis open-data file (its bytes handed over); the parsed rows stay in the worker for `build`. */
  read(bytes: Moved<ArrayBuffer>, fileName: string, onProgress: (share: number) => void): Promise<{ ok: true; info: RegionFileInfo } | { ok: false; problem: RegionProblem }>;
  /** The base scenario calibrated to the chosen areas of the file last read. */
  build(areas: string[], bands: string, year: number, base: unknown): Promise<{ ok: true; built: RegionBuilt } | { ok: false; problem: RegionProblem }>;
}
