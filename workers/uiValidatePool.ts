import * as Comlink from 'comlink';
import type { UiValidateApi, UiValidation } from './uiValidateApi';
import { shapeErrors } from '../models/scenario/shape';

export interface UiValidator {
  validate(input: unknown, withHash?: boolean): Promise<UiValidation>;
  terminate(): void;
}

/** Starts the validator worker: the UI thread never loads the schema library or the engine. */
export function uiValidator(): UiValidator {
  let w: Worker;
  let remote: Comlink.Remote<UiValidateApi>;
  let crashed: Promise<never>;
  const start = () => {
    w = new Worker(new URL('./uiValidate.worker.ts', import.meta.url), { type: 'module' });
    crashed = new Promise<never>((_, reject) => w.addEventListener('error', (e) => reject(new Error(e.message || 'the validator stopped'))));
    crashed.catch(() => {});
    remote = Comlink.wrap<UiValidateApi>(w);
  };
  start();
  return {
    validate: async (input, withHash) => {
      // Before posting: a crafted, deeply nested value would fail in the structured clone with a
      // bare "Maximum call stack size exceeded".
      const shape = shapeErrors(input);
      if (shape.length > 0) return { ok: false, errors: shape };
      try {
        return await Promise.race([remote.validate(input, withHash), crashed]);
      } catch (e) {
        // A structured-clone failure or a dead worker: report it at the file level and start afresh.
        w.terminate();
        start();
        return { ok: false, errors: [{ path: '(file)', message: e instanceof Error ? e.message : String(e) }] };
      }
    },
    terminate: () => w.terminate(),
  };
}
