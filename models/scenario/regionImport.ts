import { z } from 'zod';
import { CATEGORIES, LINES } from '../core/names';
import { addIssue, SHA256_PATTERN } from './issue';
import { ISSUE_EN } from '../core/issues';

const LineEnum = z.enum(LINES);
const CategoryEnum = z.enum(CATEGORIES);

/** One rule from Vektis cost columns to a care category; the first rule that matches a column wins. */
export const ColumnRuleSchema = z.strictObject({
  match: z.string().min(1).max(200).describe('Column name or part of it, lower case, as cut at 32 characters (e.g. "kosten_farmacie").'),
  kind: z.enum(['exact', 'prefix', 'contains']).describe('How `match` is compared with a column name.'),
  category: CategoryEnum.describe('The care category the matching columns count for.'),
});

/** Which categories a group of the scenario's care lines stands for. */
export const LineGroupSchema = z.strictObject({
  lines: z.array(LineEnum).min(1).max(LINES.length).describe('Care lines of the scenario that stand for these categories together.'),
  categories: z.array(CategoryEnum).min(1).max(CATEGORIES.length).describe('Vektis care categories whose cost these lines carry.'),
  note: z.string().max(1000).optional().describe('Why they belong together; part of the source of every number calibrated from them.'),
  shares: z
    .partialRecord(LineEnum, z.number().min(0).max(1))
    .optional()
    .describe("Each line's share of the group's cost (summing to 1). Written at the first import from the base scenario's expected cost per line and used as stored when re-importing."),
});

/**
 * How the region was made from a Vektis open-data file: the file, the areas, the age bands and
 * the mapping from the file's cost columns to care categories to the scenario's care lines.
 * Re-importing a file with this record gives the same scenario; editing the mapping here changes
 * what a re-import derives.
 */
export const RegionImportSchema = z
  .strictObject({
    source: z.string().max(4000).describe('The source every number derived from the file cites (file, year, hash, areas).'),
    file: z.strictObject({
      name: z.string().max(500).describe('Name of the Vektis file the region was read from.'),
      year: z.number().int().min(1990).max(2100).describe('Year of the data.'),
      sha256: z.string().regex(SHA256_PATTERN, ISSUE_EN.sha256Form({})).describe('SHA-256 of the file.'),
    }),
    areaKind: z.enum(['gemeente', 'postcode3']).describe('Whether the areas are municipalities or postcode-3 areas.'),
    areas: z.array(z.string().max(200)).min(1).max(2000).describe('The areas of the region, as the file writes them.'),
    bands: z
      .string()
      .max(500)
      .regex(/^[0-9+\-–, ]+$/)
      .describe('Age bands of the segments, from age 0, the last one open (e.g. "0-17,18-44,45-64,65-74,75+").'),
    segments: z.enum(['ageBands', 'base']).describe("ageBands: the segments are the age bands, made from the data; base: the base scenario's segments kept, their cost level scaled to the region."),
    columns: z.array(ColumnRuleSchema).min(1).max(500).describe('Mapping from Vektis cost columns to care categories, first match wins; a column no rule matches counts as other Zvw care.'),
    lines: z
      .array(LineGroupSchema)
      .min(1)
      .max(CATEGORIES.length)
      .describe("Mapping from care categories to the scenario's care lines; a category in no group is listed as outside the modelled lines."),
  })
  .superRefine((m, ctx) => {
    const categoryIn = new Map<string, number>();
    const lineIn = new Map<string, number>();
    m.lines.forEach((g, i) => {
      g.categories.forEach((c, j) => {
        const other = categoryIn.get(c);
        if (other !== undefined) addIssue(ctx, ['lines', i, 'categories', j], 'mappedTwice', { name: c, category: true, other: other + 1 });
        else categoryIn.set(c, i);
      });
      g.lines.forEach((l, j) => {
        const other = lineIn.get(l);
        if (other !== undefined) addIssue(ctx, ['lines', i, 'lines', j], 'mappedTwice', { name: l, category: false, other: other + 1 });
        else lineIn.set(l, i);
      });
      if (g.shares) {
        for (const l of Object.keys(g.shares)) if (!g.lines.includes(l as (typeof LINES)[number])) addIssue(ctx, ['lines', i, 'shares', l], 'shareOutsideGroup', { line: l });
        const sum = Object.values(g.shares).reduce((a: number, b) => a + (b ?? 0), 0);
        if (Math.abs(sum - 1) > 1e-6) addIssue(ctx, ['lines', i, 'shares'], 'sharesSum', { total: +sum.toFixed(6) });
      }
    });
  });

export type RegionImport = z.output<typeof RegionImportSchema>;
export type LineGroupRecord = z.output<typeof LineGroupSchema>;
