import * as Comlink from 'comlink';
import type { UiValidateApi, UiValidation } from './uiValidateApi';

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
