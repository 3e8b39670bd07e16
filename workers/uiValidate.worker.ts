/// <reference lib="webworker" />
// The UI's validator: checks scenario files and edits against the schema (and, where the engine
// needs it, by compiling them) off the UI thread, and hashes valid scenarios like the CLI does.
import './zodConfig'; // first: before any schema is built
import * as Comlink from 'comlink';
import { prepareScenario, validateScenario } from '../models/pipeline/validate';
import { scenarioHash } from '../models/scenario/hash';
import { fieldError } from '../models/core/issues';
import type { UiPrepared, UiValidateApi, UiValidation } from './uiValidateApi';

const failed = (e: unknown) => ({ ok: false as const, errors: [fieldError('(file)', 'unchecked', { detail: e instanceof Error ? e.message : String(e) })] });

const api: UiValidateApi = {
  async validate(input: unknown, withHash = false): Promise<UiValidation> {
    let v;
    try {
      v = validateScenario(input);
    } catch (e) {
      return failed(e);
    }
    if (!v.ok) return { ok: false, errors: v.errors };
    let hash: string | undefined;
    if (withHash && globalThis.crypto?.subtle) hash = await scenarioHash(v.scenario).catch(() => undefined);
    return { ok: true, errors: [], runs: v.scenario.simulation.runs, scenario: v.scenario, ...(v.migratedFrom !== undefined ? { migratedFrom: v.migratedFrom } : {}), ...(hash ? { hash } : {}) };
  },
  async prepare(input: unknown, withHash = false): Promise<UiPrepared> {
    let p;
    try {
      p = prepareScenario(input);
    } catch (e) {
      return failed(e);
    }
    if (!p.ok) return p;
    const hash = withHash && globalThis.crypto?.subtle ? await scenarioHash(p.scenario).catch(() => undefined) : undefined;
    return { ok: true, prepared: p, ...(hash ? { hash } : {}) };
  },
};
Comlink.expose(api);
