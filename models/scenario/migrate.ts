import { SCENARIO_VERSION } from './schema';

export type MigrationResult = { ok: true; value: Record<string, unknown>; from?: number } | { ok: false; message: string };

/**
 * Steps that turn a file of version v into version v+1, keyed by v. Version 1 is the first
 * released format, so there is nothing to migrate yet; a new format adds its step here and a
 * test with a file of the old version.
 */
const STEPS: Record<number, (s: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrate(input: Record<string, unknown>): MigrationResult {
  const v = input.version;
  if (v === undefined) return { ok: false, message: `is missing: a scenario file must say which format version it uses (this workbench writes version ${SCENARIO_VERSION})` };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    return { ok: false, message: `must be a whole number, not ${JSON.stringify(v)}` };
  if (v > SCENARIO_VERSION)
    return { ok: false, message: `this file has format version ${v}, made by a newer workbench; this one reads up to version ${SCENARIO_VERSION}. Please update the workbench.` };
  let value = input;
  for (let from = v; from < SCENARIO_VERSION; from++) {
    const step = STEPS[from];
    if (!step) return { ok: false, message: `format version ${v} is no longer supported and cannot be migrated; re-create the scenario in this workbench (version ${SCENARIO_VERSION})` };
    value = step(value);
  }
  return v === SCENARIO_VERSION ? { ok: true, value } : { ok: true, value, from: v };
}
