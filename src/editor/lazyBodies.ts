import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { pathUnder } from '../workspace/paths';

/**
 * The editor's closed groups make their fields when first opened, or later while the page has
 * nothing else to do, instead of all at opening: making every field of the default scenario was
 * most of the page's first render (about 0.7 s of main thread on a slow laptop), time in which the
 * simulation workers waited for the two cores. Once the first answer is on screen the rest are
 * made one group at a time in idle time, so that the browser's find-in-page reaches every field.
 */
interface Waiting {
  make: () => void;
  /** Paths of what the body holds (a field's path lies under one of them). */
  holds: () => string[];
}
const waiting = new Set<Waiting>();
let idleFill = false;
let scheduled = false;

export interface LazyBody {
  /** True once the group's body should exist. */
  made: Accessor<boolean>;
  /** The group's toggle handler: opening it makes its body at once. */
  onToggle: (e: Event & { currentTarget: HTMLDetailsElement }) => void;
}

/** A group body made at once when `open`, otherwise on first opening or in idle time. */
export function lazyBody(open: boolean, holds: () => string[]): LazyBody {
  const [made, setMade] = createSignal(open);
  const entry: Waiting = {
    make: () => {
      waiting.delete(entry);
      setMade(true);
    },
    holds,
  };
  if (!open) {
    waiting.add(entry);
    onCleanup(() => waiting.delete(entry));
    if (idleFill) schedule();
  }
  return { made, onToggle: (e) => e.currentTarget.open && !made() && entry.make() };
}

/**
 * Makes the bodies a field at `path` lies in, outer ones first (the inner ones exist only then),
 * before the field is looked up: only those, so a click on an error's link stays quick.
 */
export function makeBodiesAround(path: string): void {
  for (let found = true; found;) {
    found = false;
    for (const w of [...waiting])
      if (w.holds().some((h) => pathUnder(path, h))) {
        w.make();
        found = true;
      }
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const idle = window.requestIdleCallback ?? ((f: (d: IdleDeadline) => void) => setTimeout(() => f({ didTimeout: true, timeRemaining: () => 10 }), 50));
  const step = (d: IdleDeadline) => {
    try {
      // Bodies one at a time while over half of the idle period (at most 50 ms) is left: each
      // makes only its own fields (the groups inside it wait in turn), so no task grows long even
      // when a run started by an edit is going on beside it.
      do {
        const next = waiting.values().next();
        if (next.done) break;
        next.value.make();
      } while (d.timeRemaining() > 25);
    } finally {
      // A body that failed to render leaves the set all the same, so the fill goes on.
      if (waiting.size > 0) idle(step);
      else scheduled = false;
    }
  };
  idle(step);
}

/** From now on, waiting bodies (and any made later) are made in idle time. */
export function fillBodiesWhenIdle(): void {
  idleFill = true;
  schedule();
}
