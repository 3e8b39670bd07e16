import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * The editor's closed groups make their fields when first opened, or later while the page has
 * nothing else to do, instead of all at opening: making every field of the default scenario was
 * most of the page's first render (about 0.7 s of main thread on a slow laptop), time in which the
 * simulation workers waited for the two cores. Once the first answer is on screen the rest are
 * made one group at a time in idle time, so that the browser's find-in-page and the error list's
 * links reach every field again.
 */
const waiting = new Set<() => void>();
let idleFill = false;
let scheduled = false;

export interface LazyBody {
  /** True once the group's body should exist. */
  made: Accessor<boolean>;
  /** The group's toggle handler: opening it makes its body at once. */
  onToggle: (e: Event & { currentTarget: HTMLDetailsElement }) => void;
}

/** A group body made at once when `open`, otherwise on first opening or in idle time. */
export function lazyBody(open: boolean): LazyBody {
  const [made, setMade] = createSignal(open);
  const make = () => {
    waiting.delete(make);
    setMade(true);
  };
  if (!open) {
    waiting.add(make);
    onCleanup(() => waiting.delete(make));
    if (idleFill) schedule();
  }
  return { made, onToggle: (e) => e.currentTarget.open && !made() && make() };
}

/** Makes every body still waiting, nested ones included (before looking a field up by its path). */
export function makeAllBodies(): void {
  while (waiting.size > 0) for (const m of [...waiting]) m();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const idle = window.requestIdleCallback ?? ((f: (d: IdleDeadline) => void) => setTimeout(() => f({ didTimeout: true, timeRemaining: () => 10 }), 50));
  const step = (d: IdleDeadline) => {
    // One body at a time while the frame has room: each makes only its own fields (the groups
    // inside it wait in turn), so no step holds the page for long.
    do {
      const next = waiting.values().next();
      if (next.done) break;
      next.value();
    } while (d.timeRemaining() > 10);
    if (waiting.size > 0) idle(step);
    else scheduled = false;
  };
  idle(step);
}

/** From now on, waiting bodies (and any made later) are made in idle time. */
export function fillBodiesWhenIdle(): void {
  idleFill = true;
  schedule();
}
