import { startWorker, type Started } from './remote';
import type { UiPrepared, UiValidateApi, UiValidation } from './uiValidateApi';
import { shapeErrors } from '../models/scenario/shape';
import { fieldError, type FieldError } from '../models/core/issues';

export interface UiValidator {
  validate(input: unknown, withHash?: boolean): Promise<UiValidation>;
  /** The scenario validated and defined once for a run (see `UiValidateApi.prepare`). */
  prepare(input: unknown, withHash?: boolean): Promise<UiPrepared>;
  terminate(): void;
}

/** Starts the validator worker: the UI thread never loads the schema library or the engine. */
export function uiValidator(): UiValidator {
  const start = (): Started<UiValidateApi> => startWorker<UiValidateApi>(new Worker(new URL('./uiValidate.worker.ts', import.meta.url), { type: 'module' }), 'the validator');
  let worker = start();
  const ask = async <T>(input: unknown, call: (w: Started<UiValidateApi>) => Promise<T>): Promise<T | { ok: false; errors: FieldError[] }> => {
    // Before posting: a crafted, deeply nested value would fail in the structured clone with a
    // bare "Maximum call stack size exceeded".
    const shape = shapeErrors(input);
    if (shape.length > 0) return { ok: false, errors: shape };
    try {
      return await call(worker);
    } catch (e) {
      // A structured-clone failure or a dead worker: report it at the file level and start afresh.
      worker.terminate();
      worker = start();
      return { ok: false, errors: [fieldError('(file)', 'validatorFailed', { detail: e instanceof Error ? e.message : String(e) })] };
    }
  };
  return {
    validate: (input, withHash) => ask(input, (w) => w.validate(input, withHash)),
    prepare: (input, withHash) => ask(input, (w) => w.prepare(input, withHash)),
    terminate: () => worker.terminate(),
  };
}
