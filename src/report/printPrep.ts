import { onPrintPhase } from './printWidth';

/**
 * Paper has no controls: print.css hides every button, select and input. What a select or a row
 * of toggle buttons had chosen (which period, which party) still matters to the reader, so it is
 * written out as plain text next to the hidden control while printing.
 */
const MARK = 'print-choice';

function writeChoices(): void {
  clearChoices();
  const root = document.getElementById('results') ?? document.body;
  for (const sel of root.querySelectorAll('select')) {
    const text = sel.selectedOptions[0]?.textContent?.trim();
    if (!text) continue;
    const span = document.createElement('span');
    span.className = MARK;
    span.textContent = text;
    sel.after(span);
  }
  for (const group of root.querySelectorAll('.seg')) {
    const pressed = [...group.querySelectorAll('button[aria-pressed="true"]')].map((b) => b.textContent?.trim()).filter(Boolean);
    if (pressed.length === 0) continue;
    const span = document.createElement('span');
    span.className = MARK;
    span.textContent = pressed.join(', ');
    group.after(span);
  }
}

function clearChoices(): void {
  for (const el of document.querySelectorAll(`.${MARK}`)) el.remove();
}

let installed = false;
export function installPrintPrep(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  onPrintPhase((phase) => (phase === 'screen' ? clearChoices() : writeChoices()));
}
