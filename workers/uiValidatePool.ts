import { startWorker, type Started } from './remote';
import type { UiValidateApi, UiValidation } from './uiValidateApi';
import { shapeErrors } from '../models/scenario/shape';
import { fieldError } from '../models/core/issues';

export interface UiValidator {
  validate(input: unknown, withHash?: boolean): Promise<UiValidation>;
  terminate(): void;
}

/** Starts the validator worker: the UI thread never loads the schema library or the engine. */
export function uiValidator(): UiValidator {
  const start = (): Started<UiValidateApi> => startWorker<UiValidateApi>(new Worker(new URL('./uiValidate.worker.ts', import.meta.url), { type: 'module' }), 'the validator');
  let worker = start();
  return {
    validate: async (input, withHash) => {
      // Before posting: a crafted, deeply nested value would fail in the structured clone with a
      // bare "Maximum call stack size exceeded".
      const shape = shapeErrors(input);
      if (shape.length > 0) return { ok: false, errors: shape };
      try {
        return await worker.validate(input, withHash);
      } catch (e) {
        // A structured-clone failure or a dead worker: report it at the file level and start afresh.
        worker.terminate();
        worker = start();
        return { ok: false, errors: [fieldError('(file)', 'validatorFailed', { detail: e instanceof Error ? e.message : String(e) })] };
      }
    },
    terminate: () => worker.terminate(),
  };
}
