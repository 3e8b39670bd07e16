import { createEffect, createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { schedule } from './schedule';

/**
 * Renders its children in a later task (through the UI job queue, in document order), so mounting
 * many views at once is split into several short main-thread tasks instead of one long one (the
 * page stays responsive during a run). `delayMs` waits that long before queueing; `now` renders
 * them at once (the page is being printed).
 */
export function Later(props: { delayMs?: number; now?: boolean; children: JSX.Element }) {
  const [ready, setReady] = createSignal(false);
  // Once shown, kept: `now` going false again (the print is over) must not take them away.
  createEffect(() => props.now && setReady(true));
  onMount(() => {
    let cancel = () => {};
    const queue = () => (cancel = schedule(() => setReady(true)));
    const id = props.delayMs ? setTimeout(queue, props.delayMs) : (queue(), undefined);
    onCleanup(() => {
      if (id !== undefined) clearTimeout(id);
      cancel();
    });
  });
  return <Show when={ready() || props.now}>{props.children}</Show>;
}
