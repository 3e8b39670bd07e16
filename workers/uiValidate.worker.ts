/// <reference lib="webworker" />
// The UI's validator: checks scenario files and edits against the schema (and, where the engine
// needs it, by compiling them) off the UI thread, and hashes valid scenarios like the CLI does.
import './zodConfig'; // first: before any schema is built
import * as Comlink from 'comlink';
import { validateScenario } from '../models/pipeline/validate';
import { scenarioHash } from '../models/scenario/hash';
import { fieldError } from '../models/core/issues';
import type { UiValidateApi, UiValidation } from './uiValidateApi';

const api: UiValidateApi = {
  async validate(input: unknown, withHash = false): Promise<UiValidation> {
    let v;
    try {
      v = validateScenario(input);
    } catch (e) {
      return { ok: false, errors: [fieldError('(file)', 'unchecked', { detail: e instanceof Error ? e.message : String(e) })] };
    }
    if (!v.ok) return { ok: false, errors: v.errors };
    let hash: string | undefined;
    if (withHash && globalThis.crypto?.subtle) hash = await scenarioHash(v.scenario).catch(() => undefined);
    return { ok: true, errors: [], runs: v.scenario.simulation.runs, scenario: v.scenario, ...(v.migratedFrom !== undefined ? { migratedFrom: v.migratedFrom } : {}), ...(hash ? { hash } : {}) };
  },
};
Comlink.expose(api);
