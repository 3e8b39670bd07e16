import type { Page } from 'playwright-core';

/** Milliseconds between keys: a quick typist, well inside the editor's shortest pause before a run (200 ms). */
export const KEY_DELAY_MS = 40;

/**
 * Types into a field as a person does: opens the group it sits in, clicks it, selects what it
 * holds and types key by key (`''` clears it). `fill()` would set the value in one event, which
 * no keyboard does, and would hide a field that is re-created or loses focus between keys.
 */
export async function typeInto(page: Page, sel: string, text: string): Promise<void> {
  const el = page.locator(sel).first();
  await el.evaluate((e) => {
    for (let p = e.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  });
  await el.scrollIntoViewIfNeeded();
  await el.click();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text, { delay: KEY_DELAY_MS });
}
