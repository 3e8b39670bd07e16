import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';

/**
 * Renders its children one task later, so mounting many charts at once is split into several
 * short main-thread tasks instead of one long one (the page stays responsive during a run).
 */
export function Later(props: { delayMs?: number; children: JSX.Element }) {
  const [ready, setReady] = createSignal(false);
  onMount(() => {
    const id = setTimeout(() => setReady(true), props.delayMs ?? 0);
    onCleanup(() => clearTimeout(id));
  });
  return <Show when={ready()}>{props.children}</Show>;
}
