import { createSignal } from 'solid-js';

/**
 * Presentation mode: the editor hidden and the results enlarged for a projector. The class goes
 * on the root element because the stylesheet sizes text in rem.
 */
const [on, setOn] = createSignal(false);
export const presenting = on;

export function togglePresenting(value?: boolean): void {
  const next = value ?? !on();
  setOn(next);
  document.documentElement.classList.toggle('presenting', next);
}

/** Whether a key press is meant for a field (typing a "p" in a name must not switch modes). */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
