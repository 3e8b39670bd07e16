import type { Issue } from '../core/issues';
import { SCENARIO_VERSION } from './schema';

export type MigrationResult = { ok: true; value: Record<string, unknown>; from?: number } | { ok: false; issue: Omit<Issue, 'path'> };

/** The library's convention in version 1 for a text in both languages: a Dutch paragraph, a blank line, an English one. */
const TWO_PARAGRAPHS = /^([^\n]+)\n[ \t]*\n([^\n]+)$/;

/**
 * Version 1 → 2. Version 2 lets a text field carry a text per language (`{ "nl": …, "en": … }`,
 * localText.ts); every version-1 text stays valid and means the same text in both languages.
 * Only `meta.question` and `meta.headline`, which the version-1 library wrote as "Dutch paragraph,
 * blank line, English paragraph" and the start view split that way, become a text per language;
 * a description or notes of two paragraphs may be two Dutch paragraphs and is kept whole.
 * No number changes.
 */
function v1to2(s: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...s, version: 2 };
  const meta = s.meta;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
    const m: Record<string, unknown> = { ...(meta as Record<string, unknown>) };
    for (const k of ['question', 'headline']) {
      const v = m[k];
      const two = typeof v === 'string' ? TWO_PARAGRAPHS.exec(v) : null;
      if (two) m[k] = { nl: two[1].trim(), en: two[2].trim() };
    }
    out.meta = m;
  }
  return out;
}

/**
 * Version 2 → 3. Version 3 has the care lines mental health (`mentalHealth`) and other Zvw care
 * (`otherZvw`), so that a region's total is all of its Zvw cost. A version-2 file has neither: a
 * segment without a line has no use of it, and a contract without a scope covers today's default
 * scope, which does not include them, so an old file runs to bit-identical numbers (the results
 * gain the two lines with zero cost). Only the version changes.
 */
function v2to3(s: Record<string, unknown>): Record<string, unknown> {
  return { ...s, version: 3 };
}

/**
 * Steps that turn a file of version v into version v+1, keyed by v. A new format adds its step
 * here and a test with a file of the old version.
 */
const STEPS: Record<number, (s: Record<string, unknown>) => Record<string, unknown>> = { 1: v1to2, 2: v2to3 };

export function migrate(input: Record<string, unknown>): MigrationResult {
  const v = input.version;
  if (v === undefined) return { ok: false, issue: { code: 'versionMissing', params: { current: SCENARIO_VERSION } } };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return { ok: false, issue: { code: 'versionNotWhole', params: { got: JSON.stringify(v) } } };
  if (v > SCENARIO_VERSION) return { ok: false, issue: { code: 'versionNewer', params: { version: v, current: SCENARIO_VERSION } } };
  let value = input;
  for (let from = v; from < SCENARIO_VERSION; from++) {
    const step = STEPS[from];
    if (!step) return { ok: false, issue: { code: 'versionRetired', params: { version: v, current: SCENARIO_VERSION } } };
    value = step(value);
  }
  return v === SCENARIO_VERSION ? { ok: true, value } : { ok: true, value, from: v };
}
