import { createSignal, onCleanup, Show } from 'solid-js';
import { num } from '../format';
import { fairWorker, type FairWorker } from '../../workers/fairPool';
import { fx } from './fairTexts';

type Answer<T> = { ok: true; result: T } | { ok: false; message: string };

/**
 * One worker per panel, started on demand; Stop terminates it and the next computation starts
 * another. `reset` stops a computation and says, once, that what was shown belonged to the
 * previous run: a panel calls it when its scenario changes, so no number of an older scenario
 * stays beside the new one's.
 */
export function useFairWorker() {
  const [status, setStatus] = createSignal<'idle' | 'running' | 'done' | 'cancelled' | 'error'>('idle');
  const [progress, setProgress] = createSignal<{ d: number; p: number } | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [stale, setStale] = createSignal(false);
  let worker: FairWorker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  onCleanup(stop);
  /** A quick question to the panel's worker (no status, no progress); null when the worker went away meanwhile. */
  const ask = async <T,>(call: (w: FairWorker) => Promise<Answer<T>>): Promise<Answer<T> | null> => {
    const w = (worker ??= fairWorker());
    try {
      return await call(w);
    } catch {
      if (worker === w) stop();
      return null;
    }
  };
  const go = async <T,>(call: (w: FairWorker, onProgress: (d: number, p: number) => void) => Promise<Answer<T>>, done: (r: T) => void) => {
    setMessage(null);
    setStale(false);
    setStatus('running');
    setProgress(null);
    const w = (worker ??= fairWorker());
    try {
      const r = await call(w, (d, p) => setProgress({ d, p }));
      if (worker !== w) return;
      if (r.ok) {
        done(r.result);
        setStatus('done');
      } else {
        setMessage(fx('failed', { m: r.message }));
        setStatus('error');
      }
    } catch (e) {
      if (worker !== w) return;
      setMessage(fx('failed', { m: e instanceof Error ? e.message : String(e) }));
      setStatus('error');
      stop();
    }
  };
  const reset = () => {
    const shown = status() === 'running' || status() === 'done';
    if (status() === 'running') stop();
    setStatus('idle');
    setMessage(null);
    setProgress(null);
    if (shown) setStale(true);
  };
  const fail = (m: string) => (setMessage(m), setStatus('error'));
  const controls = (testid: string, label: string, onRun: () => void, progressKey: 'progress' | 'progressVoi') => (
    <>
      <p>
        <button type="button" data-testid={`${testid}-run`} disabled={status() === 'running'} onClick={onRun}>
          {label}
        </button>{' '}
        <Show when={status() === 'running'}>
          <button type="button" data-testid={`${testid}-cancel`} onClick={() => (stop(), setStatus('cancelled'))}>
            {fx('cancel')}
          </button>{' '}
          <span role="status" data-testid={`${testid}-progress`}>
            {progress() ? fx(progressKey, { d: num(progress()!.d), p: num(progress()!.p) }) : fx('starting')}
          </span>
        </Show>
        <Show when={status() === 'cancelled'}>
          <span role="status" data-testid={`${testid}-cancelled`}>
            {fx('cancelled')}
          </span>
        </Show>
      </p>
      <Show when={stale() && status() === 'idle'}>
        <p class="muted small" role="status" data-testid={`${testid}-stale`}>
          {fx('staleNote')}
        </p>
      </Show>
      <Show when={message()}>
        <p class="field-error" role="alert" data-testid={`${testid}-message`}>
          {message()}
        </p>
      </Show>
    </>
  );
  return { go, ask, fail, reset, controls, status };
}
