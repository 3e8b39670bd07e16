/// <reference lib="webworker" />
// Reads a Vektis open-data file (tens of MB) and calibrates a scenario to a region of it, off the
// UI thread, with progress.
import './zodConfig'; // first: before any schema is built
import * as Comlink from 'comlink';
import { DEFAULT_COLUMN_RULES, VektisError, parseVektis, type ColumnRule, type VektisFile } from '../models/region/vektis';
import { DEFAULT_BANDS, areasOf, nationalRatesFromFile, parseBands, regionSource, selectRegion } from '../models/region/select';
import { CalibrationError } from '../models/analysis/calibrate';
import { importRegion, mappingOf } from '../models/analysis/regionScenario';
import { RegionImportSchema } from '../models/scenario/regionImport';
import { validateScenario } from '../models/pipeline/validate';
import { formatErrors } from '../models/core/issues';
import type { RegionApi, RegionProblem } from './regionApi';

/** The file last read: its text kept so that a base scenario with its own column mapping re-reads it. */
let file: { data: VektisFile; text: string; rules: readonly ColumnRule[]; name: string; sha256: string } | null = null;

const problem = (e: unknown): RegionProblem => {
  if (e instanceof VektisError) return { code: e.code, row: e.row, column: e.column, message: e.message };
  if (e instanceof CalibrationError) return { code: 'calibration', message: e.message };
  if (e instanceof RangeError) return { code: 'badBands', message: e.message };
  return { code: 'read', message: e instanceof Error ? e.message : String(e) };
};

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

const api: RegionApi = {
  async read(bytes, fileName, onProgress) {
    try {
      const text = new TextDecoder('utf-8').decode(bytes);
      const data = parseVektis(text, { onProgress: (s) => void onProgress(s) });
      const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
      file = { data, text, rules: DEFAULT_COLUMN_RULES, name: fileName, sha256 };
      const year = /(?:19|20)\d\d/.exec(fileName)?.[0];
      return {
        ok: true,
        info: { areaKind: data.areaKind, areas: areasOf(data), year: year ? Number(year) : null, sha256, unmappedColumns: data.unmappedColumns, restRows: data.rest.length },
      };
    } catch (e) {
      return { ok: false, problem: problem(e) };
    }
  },
  async build(areas, bands, year, base, segments, lines) {
    if (!file) return { ok: false, problem: { code: 'read', message: 'no file has been read' } };
    try {
      const v = validateScenario(base);
      if (!v.ok) return { ok: false, problem: { code: 'base', message: formatErrors(v.errors) } };
      const bandList = parseBands(bands || DEFAULT_BANDS);
      const mapping = mappingOf(v.scenario);
      if (JSON.stringify(mapping.columns) !== JSON.stringify(file.rules)) file = { ...file, data: parseVektis(file.text, { rules: mapping.columns }), rules: mapping.columns };
      const rates = new Set(file.data.rows.map((r) => r.area)).size > 300 ? nationalRatesFromFile(file.data) : undefined;
      const region = selectRegion(file.data, areas, bandList, rates);
      const source = regionSource({ name: file.name, year, sha256: file.sha256 }, region);
      const record = {
        source,
        file: { name: file.name, year, sha256: file.sha256 },
        areaKind: region.areaKind,
        areas: region.areas,
        bands: bands || DEFAULT_BANDS,
        segments,
        columns: mapping.columns,
        lines: lines ?? mapping.lines,
      };
      // An edited mapping is checked as the scenario file would check it.
      const checked = RegionImportSchema.safeParse(record);
      if (!checked.success) return { ok: false, problem: { code: 'mapping', message: checked.error.issues.map((i) => `region.import.${i.path.join('.')}: ${i.message}`).join('; ') } };
      const cal = importRegion(v.scenario, { region, record });
      return {
        ok: true,
        built: {
          scenario: cal.scenario,
          source,
          region: { areas: region.areas, insuredYears: region.insuredYears, costPerInsuredYear: region.costPerInsuredYear, standardised: region.standardised },
          calibration: { groups: cal.groups, outside: cal.outside, personCv: cal.personCv, top1: cal.top1 },
          segments: cal.segments,
          notes: cal.notes,
          mapping: cal.scenario.region.import!.lines,
          columns: file.data.costColumns,
        },
      };
    } catch (e) {
      return { ok: false, problem: problem(e) };
    }
  },
};
Comlink.expose(api);
