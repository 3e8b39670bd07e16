import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type Entry } from '../../../src/texts/catalogue';
import type { Lang } from '../../../src/texts/format';
import * as i18n from '../../../src/i18n';
import * as workspace from '../../../src/workspace/texts';
import * as summary from '../../../src/components/summaryTexts';
import * as report from '../../../src/report/texts';
import * as region from '../../../src/region/texts';
import * as decision from '../../../src/decision/texts';
import * as design from '../../../src/decision/designTexts';
import * as fair from '../../../src/decision/fairTexts';
import * as labels from '../../../src/editor/labels';
import * as financingKind from '../../../src/editor/financingKind';
import * as newItem from '../../../src/editor/newItem';
import * as paramLabel from '../../../src/charts/paramLabel';
import * as assumptions from '../../../src/report/assumptions';
import * as glossary from '../../../src/components/glossaryTexts';
import * as verification from '../../../src/components/verificationTexts';
import * as pngSet from '../../../src/report/pngSet';

const LANGS: Lang[] = ['nl', 'en'];

/** The modules whose text tables are read here, by their file under src/. */
const MODULES: Record<string, Record<string, unknown>> = {
  'i18n.ts': i18n,
  'workspace/texts.ts': workspace,
  'components/summaryTexts.ts': summary,
  'report/texts.ts': report,
  'region/texts.ts': region,
  'decision/texts.ts': decision,
  'decision/designTexts.ts': design,
  'decision/fairTexts.ts': fair,
  'editor/labels.ts': labels,
  'editor/financingKind.ts': financingKind,
  'editor/newItem.ts': newItem,
  'charts/paramLabel.ts': paramLabel,
  'report/assumptions.ts': assumptions,
  'components/glossaryTexts.ts': glossary,
  'components/verificationTexts.ts': verification,
  'report/pngSet.ts': pngSet,
};

/**
 * Files under src/ with {nl, en} literals that are not text tables read here, and why. Every
 * other file with such a literal must be in MODULES, so a new table cannot bypass this test.
 */
const NOT_HERE: Record<string, string> = {
  'texts/format.ts': 'the locale of each language, not a text',
  'editor/numbers.ts': 'the decimal and group separators of each language, not a text',
  'texts/issues.ts': 'the engine issues, typed per issue code against models/core/issues.ts',
};

const SRC = join(__dirname, '../../../src');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(n) ? [relative(SRC, p)] : [];
  });
}

const isEntry = (x: unknown): x is Entry => !!x && typeof x === 'object' && 'nl' in x && 'en' in x;

/** Every {nl, en} object in a module's exports (tables, labels with units, lists of groups), with where it is. */
function entriesIn(x: unknown, where: string, out: [string, Entry][], seen = new Set<unknown>()): [string, Entry][] {
  if (!x || typeof x !== 'object' || seen.has(x)) return out;
  seen.add(x);
  if (isEntry(x)) out.push([where, x]);
  for (const [k, v] of Object.entries(x)) if (k !== 'nl' && k !== 'en') entriesIn(v, `${where}.${k}`, out, seen);
  return out;
}

const ALL: [string, Entry][] = Object.entries(MODULES).flatMap(([file, mod]) => entriesIn(mod, file, []));
const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z_]\w*)\}/g)].map((m) => m[1]).sort();
/** Any value a function text asks for is 2 (a count, a number or a name). */
const anyVars = new Proxy({}, { get: (_, k) => (typeof k === 'string' ? 2 : undefined) }) as Record<string, number>;

/** Each count entry, by where it is: the values besides n, and what 1 and 2 must give, per language. */
const COUNTS: Record<string, { vars?: Record<string, string>; nl: [string, string]; en: [string, string] }> = {
  'i18n.ts.MESSAGES.histBelow': { nl: ['1 run lager', '2 runs lager'], en: ['1 run below', '2 runs below'] },
  'i18n.ts.MESSAGES.histAbove': { nl: ['1 run hoger', '2 runs hoger'], en: ['1 run above', '2 runs above'] },
  'i18n.ts.MESSAGES.invalidSummary': { nl: ['1 invoer klopt niet. ', '2 invoeren kloppen niet. '], en: ['1 value is not valid. ', '2 values are not valid. '] },
  'i18n.ts.MESSAGES.importFailed': { vars: { f: 'a.json' }, nl: ['het bevat 1 fout.', 'het bevat 2 fouten.'], en: ['it has 1 error.', 'it has 2 errors.'] },
  'i18n.ts.MESSAGES.fileResultsDiffers': { nl: ['(1 verschil)', '(2 verschillen)'], en: ['(1 difference)', '(2 differences)'] },
  'i18n.ts.MESSAGES.runWhyErrors': { nl: ['1 invoer klopt niet', '2 invoeren kloppen niet'], en: ['1 value is not valid', '2 values are not valid'] },
  'region/texts.ts.REGION_TEXTS.fileInfo': {
    vars: { f: 'a.csv', k: 'gemeenten', y: '2023' },
    nl: ['a.csv: 1 gebied (gemeenten), 2023', 'a.csv: 2 gebieden (gemeenten), 2023'],
    en: ['a.csv: 1 area (gemeenten), 2023', 'a.csv: 2 areas (gemeenten), 2023'],
  },
  'region/texts.ts.REGION_TEXTS.more': { nl: ['nog 1 gebied:', 'nog 2 gebieden:'], en: ['1 more area:', '2 more areas:'] },
  'region/texts.ts.REGION_TEXTS.remapCorrelations': { nl: ['1 correlatie tussen', '2 correlaties tussen'], en: ['1 correlation between', '2 correlations between'] },
};

describe('every interface text table is in the catalogue', () => {
  it('every file under src/ with {nl, en} texts is read here or named with its reason', () => {
    const withTexts = sourceFiles(SRC).filter((f) => /\bnl: *[{'"`([]/.test(readFileSync(join(SRC, f), 'utf8')));
    const unlisted = withTexts.filter((f) => !(f in MODULES) && !(f in NOT_HERE));
    expect(unlisted).toEqual([]);
    for (const f of [...Object.keys(MODULES), ...Object.keys(NOT_HERE)]) expect(withTexts, f).toContain(f);
  });

  it('finds the tables (a sanity check of the collection)', () => {
    expect(ALL.length).toBeGreaterThan(700);
    for (const file of Object.keys(MODULES))
      expect(
        ALL.some(([w]) => w.startsWith(`${file}.`)),
        file,
      ).toBe(true);
  });

  it('every entry has a text in both languages, with the same placeholders, and renders without leftover braces', () => {
    const bad: string[] = [];
    for (const [where, e] of ALL) {
      for (const l of LANGS) if (typeof e[l] !== 'string' && typeof e[l] !== 'function') bad.push(`${where}.${l}: not a text`);
      if (typeof e.nl === 'string' && typeof e.en === 'string' && placeholders(e.nl).join() !== placeholders(e.en).join())
        bad.push(`${where}: placeholders differ (${placeholders(e.nl)} / ${placeholders(e.en)})`);
      for (const l of LANGS) {
        const t = e[l];
        const vars = typeof t === 'string' ? Object.fromEntries(placeholders(t).map((p) => [p, 2])) : anyVars;
        const out = render(e, l, vars);
        if (!out.trim()) bad.push(`${where}.${l}: empty`);
        if (/\{[A-Za-z_]\w*\}/.test(out)) bad.push(`${where}.${l}: leaves a placeholder: ${out}`);
        if (/undefined|NaN/.test(out)) bad.push(`${where}.${l}: ${out}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every text that depends on a count is listed with its singular and plural', () => {
    const fns = ALL.filter(([, e]) => typeof e.nl === 'function' || typeof e.en === 'function').map(([w]) => w);
    expect(fns.sort()).toEqual(Object.keys(COUNTS).sort());
  });

  it('count entries give the singular for 1 and the plural for 2, in both languages', () => {
    const at = new Map(ALL);
    for (const [key, c] of Object.entries(COUNTS))
      for (const l of LANGS) {
        expect(render(at.get(key)!, l, { ...c.vars, n: 1 }), `${key} ${l} 1`).toContain(c[l][0]);
        expect(render(at.get(key)!, l, { ...c.vars, n: 2 }), `${key} ${l} 2`).toContain(c[l][1]);
      }
  });
});
