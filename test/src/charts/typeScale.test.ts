import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TYPE } from '../../../src/charts/chartDefaults';

/** The sources that draw charts: the SVG and uPlot views, the PNG export, the print report's code. */
const DIRS = ['src/charts', 'src/report'];
const files = DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.tsx?$/.test(f) && f !== 'chartDefaults.ts')
    .map((f) => join(d, f)),
);

/**
 * Every font size a chart source writes: `font-size="13"` / `font-size={…}` attributes, canvas and
 * CSS font strings (`13px`, `${13 * dpr}px`), and the sizes passed to the font helpers. A size
 * taken from the type scale appears as `TYPE.name`; anything else is a literal.
 */
function sizesIn(text: string): { literal: string[]; named: string[] } {
  const literal: string[] = [];
  const named: string[] = [];
  for (const m of text.matchAll(/font-size=(?:"([^"]*)"|\{([^}]*)\})/g)) (m[1] !== undefined ? literal : named).push(m[1] ?? m[2]);
  for (const m of text.matchAll(/(?:\b(\d+(?:\.\d+)?)|\$\{\s*(\d+(?:\.\d+)?)\s*\*[^}]*\})px\s+(?:system-ui|sans-serif|serif|monospace|\$\{)/g)) literal.push(m[1] ?? m[2]);
  for (const m of text.matchAll(/\b(?:font|chartFont)\(\s*(\d+(?:\.\d+)?)/g)) literal.push(m[1]);
  for (const m of text.matchAll(/TYPE\.(\w+)/g)) named.push(m[1]);
  return { literal, named };
}

describe("the charts' type scale", () => {
  it('has at most 6 sizes', () => {
    expect(new Set(Object.values(TYPE)).size).toBeLessThanOrEqual(6);
  });

  it('is the only source of font sizes in the chart code', () => {
    const found = files.flatMap((f) => sizesIn(readFileSync(f, 'utf8')).literal.map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
    const names = new Set(files.flatMap((f) => sizesIn(readFileSync(f, 'utf8')).named.map((n) => n.replace(/^String\(TYPE\.(\w+)\)$/, '$1'))));
    expect([...names].filter((n) => !(n in TYPE))).toEqual([]);
    // The charts use at most the sizes of the scale.
    expect(new Set([...names].map((n) => TYPE[n as keyof typeof TYPE])).size).toBeLessThanOrEqual(6);
  });
});
