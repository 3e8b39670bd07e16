import type { Summary } from '../../models/summary/summarize';
import { LINES } from '../../models/core/names';
import type { Lang } from '../i18n';
import { localText } from '../../models/scenario/localText';
import { partyLabelIn } from '../parties';
import { fieldLabel } from '../editor/labels';
import { financingOf } from '../charts/financeShape';
import { inContract } from './partyTable';
import type { Stat } from '../../models/summary/stats';

/**
 * The results as tables for a spreadsheet, with column names in the interface language and
 * values rounded as the screen shows them (€ mln to 1 decimal, shares of runs to whole percents,
 * the reduction to 2 decimals of a percent). Full precision stays in the JSON export.
 */
export interface Column {
  name: string;
  /** Decimals shown; undefined for text. */
  digits?: number;
}
export interface Table {
  id: string;
  /** Title, also the sheet's name (at most 31 characters, Excel's limit). */
  title: string;
  columns: Column[];
  rows: (string | number | null)[][];
}

const L = (l: Lang, nl: string, en: string) => (l === 'nl' ? nl : en);
/** `x` rounded to `d` decimals, as the screen writes it; null when not a number. */
export const rounded = (x: number, d: number): number | null => (Number.isFinite(x) ? Number((Math.round(x * 10 ** d) / 10 ** d).toFixed(d)) : null);
const MLN = (x: number) => rounded(x / 1e6, 1);
const PCT0 = (p: number) => rounded(p * 100, 0);
const PCT2 = (p: number) => rounded(p * 100, 2);

function costTable(s: Summary, l: Lang): Table {
  const c = (name: string, digits?: number): Column => ({ name, digits });
  const columns = [
    c(L(l, 'Jaar', 'Year')),
    c(L(l, 'Verzekerden (gemiddeld)', 'Insured (mean)'), 0),
    c(L(l, 'Totale kosten zonder verandering, gemiddeld (€ mln)', 'Total cost without change, mean (€ mln)'), 1),
    c(L(l, 'idem, 5e percentiel (€ mln)', 'same, 5th percentile (€ mln)'), 1),
    c(L(l, 'idem, 95e percentiel (€ mln)', 'same, 95th percentile (€ mln)'), 1),
    c(L(l, 'Totale kosten met scenario, gemiddeld (€ mln)', 'Total cost with scenario, mean (€ mln)'), 1),
    c(L(l, 'idem, 5e percentiel (€ mln)', 'same, 5th percentile (€ mln)'), 1),
    c(L(l, 'idem, 95e percentiel (€ mln)', 'same, 95th percentile (€ mln)'), 1),
    c(L(l, 'Besparing, gemiddeld (%)', 'Reduction, mean (%)'), 2),
    c(L(l, 'Besparing, 5e percentiel (%)', 'Reduction, 5th percentile (%)'), 2),
    c(L(l, 'Besparing, 95e percentiel (%)', 'Reduction, 95th percentile (%)'), 2),
    c(L(l, 'Kans besparing ≥ doel (%)', 'Chance reduction ≥ target (%)'), 0),
    c(L(l, 'Kans dat een evaluator het doel ziet (%)', 'Chance an evaluator sees the target (%)'), 0),
    c(L(l, 'idem zonder echte verandering (toeval, %)', 'same without real change (chance, %)'), 0),
    c(L(l, 'Kosten van de interventies (€ mln)', 'Cost of the interventions (€ mln)'), 1),
    ...LINES.flatMap((line) => [
      c(`${fieldLabel(line, l)}: ${L(l, 'kosten zonder verandering (€ mln)', 'cost without change (€ mln)')}`, 1),
      c(`${fieldLabel(line, l)}: ${L(l, 'kosten met scenario (€ mln)', 'cost with scenario (€ mln)')}`, 1),
      c(`${fieldLabel(line, l)}: ${L(l, 'contacten weg per jaar', 'contacts moved out per year')}`, 0),
      c(`${fieldLabel(line, l)}: ${L(l, 'contacten erbij per jaar', 'contacts moved in per year')}`, 0),
    ]),
  ];
  const rows = s.years.map((y) => [
    y.year,
    rounded(y.population.mean, 0),
    MLN(y.cf.total.mean),
    MLN(y.cf.total.p5),
    MLN(y.cf.total.p95),
    MLN(y.sc.total.mean),
    MLN(y.sc.total.p5),
    MLN(y.sc.total.p95),
    PCT2(y.reduction.mean),
    PCT2(y.reduction.p5),
    PCT2(y.reduction.p95),
    PCT0(y.pReachTarget.p),
    PCT0(y.pObserveTarget.p),
    PCT0(y.pObserveTargetByChance.p),
    MLN(y.interventionCost.mean),
    ...LINES.flatMap((line) => [MLN(y.cf.claims[line].mean), MLN(y.sc.claims[line].mean), rounded(y.moved.out[line].mean, 0), rounded(y.moved.in[line].mean, 0)]),
  ]);
  return { id: 'cost', title: L(l, 'Kosten per jaar', 'Cost per year'), columns, rows };
}

/** The party columns, the same for the horizon and per year. */
function partyColumns(l: Lang, perYear: boolean): Column[] {
  const c = (name: string, digits?: number): Column => ({ name, digits });
  return [
    c(L(l, 'Contract', 'Contract')),
    c(L(l, 'Partij', 'Party')),
    ...(perYear ? [c(L(l, 'Jaar', 'Year'))] : []),
    c(L(l, 'Resultaat, gemiddeld (€ mln)', 'Result, mean (€ mln)'), 1),
    c(L(l, 'Resultaat, 5e percentiel (€ mln)', 'Result, 5th percentile (€ mln)'), 1),
    c(L(l, 'Resultaat, 95e percentiel (€ mln)', 'Result, 95th percentile (€ mln)'), 1),
    c(L(l, 'Kans op verlies (%)', 'Chance of a loss (%)'), 0),
    c(L(l, 'Verlies in de slechtste 5% (ES, € mln)', 'Loss in the worst 5% (ES, € mln)'), 1),
    c(L(l, 'Verschil met huidige situatie, gemiddeld (€ mln)', 'Change vs status quo, mean (€ mln)'), 1),
    c(L(l, 'Verschil, 5e percentiel (€ mln)', 'Change, 5th percentile (€ mln)'), 1),
    c(L(l, 'Verschil, 95e percentiel (€ mln)', 'Change, 95th percentile (€ mln)'), 1),
    c(L(l, 'Kans slechter af dan nu (%)', 'Chance worse off than now (%)'), 0),
  ];
}

function partyTables(s: Summary, l: Lang): Table[] {
  const fin = financingOf(s);
  if (!fin) return [];
  const statusQuo = L(l, 'Huidige situatie (fee-for-service zonder scenario)', 'Status quo (fee-for-service without the scenario)');
  const horizon: Table['rows'] = [];
  const years: Table['rows'] = [];
  const nYears = fin.models[0].years.length;
  const sq = fin.statusQuo as { horizon: Record<string, Stat | undefined>; years: Record<string, Stat | undefined>[] };
  const sqRow = (p: string, st: { mean: number; p5: number; p95: number }, year?: number) => [
    statusQuo,
    partyLabelIn(p, l),
    ...(year === undefined ? [] : [year]),
    MLN(st.mean),
    MLN(st.p5),
    MLN(st.p95),
    null,
    null,
    null,
    null,
    null,
    null,
  ];
  const inSq = (p: string) => fin.models.some((m) => inContract(m.horizon[p]));
  for (const p of fin.parties) {
    const st = sq.horizon[p];
    if (inSq(p) && st) horizon.push(sqRow(p, st));
  }
  for (let t = 0; t < nYears; t++)
    for (const p of fin.parties) {
      const st = sq.years[t]?.[p];
      if (inSq(p) && st) years.push(sqRow(p, st, s.startYear + t));
    }
  for (const m of fin.models) {
    const row = (p: string, r: (typeof m.horizon)[string], year?: number) => [
      localText(m.name, l),
      partyLabelIn(p, l),
      ...(year === undefined ? [] : [year]),
      MLN(r.result.mean),
      MLN(r.result.p5),
      MLN(r.result.p95),
      PCT0(r.pLoss.p),
      MLN(r.es95),
      MLN(r.changeVsStatusQuo.mean),
      MLN(r.changeVsStatusQuo.p5),
      MLN(r.changeVsStatusQuo.p95),
      PCT0(r.pWorseOff.p),
    ];
    for (const p of fin.parties) if (inContract(m.horizon[p])) horizon.push(row(p, m.horizon[p]));
    m.years.forEach((yr, t) => {
      for (const p of fin.parties) if (inContract(yr[p])) years.push(row(p, yr[p], s.startYear + t));
    });
  }
  return [
    { id: 'parties', title: L(l, 'Partijen, hele looptijd', 'Parties, whole horizon'), columns: partyColumns(l, false), rows: horizon },
    { id: 'parties-years', title: L(l, 'Partijen per jaar', 'Parties per year'), columns: partyColumns(l, true), rows: years },
  ];
}

/** Every results table: cost per year, then the parties over the horizon and per year. */
export function resultTables(s: Summary, l: Lang): Table[] {
  return [costTable(s, l), ...partyTables(s, l)];
}

/**
 * The tables as one CSV file: each table under its title, a blank line between tables. Dutch:
 * semicolons and decimal commas, so Excel with Dutch settings opens it; English: commas and points.
 */
export function tablesCsv(tables: Table[], l: Lang): string {
  const sep = l === 'nl' ? ';' : ',';
  // Quoted only when needed (the separator, a quote or a line break), so a Dutch header with a comma stays plain.
  const text = (v: string) => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const cell = (v: string | number | null, c: Column) => {
    if (v === null) return '';
    if (typeof v === 'string') return text(v);
    const s = c.digits === undefined ? String(v) : v.toFixed(c.digits);
    return l === 'nl' ? s.replace('.', ',') : s;
  };
  const out: string[] = [];
  tables.forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(text(t.title));
    out.push(t.columns.map((c) => text(c.name)).join(sep));
    for (const r of t.rows) out.push(r.map((v, k) => cell(v, t.columns[k])).join(sep));
  });
  return `${out.join('\r\n')}\r\n`;
}

/** The tables as an .xlsx workbook, one sheet per table; the library is loaded on first use. */
export async function tablesXlsx(tables: Table[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheets = tables.map((t) => ({
    sheet: t.title.slice(0, 31),
    stickyRowsCount: 1,
    columns: t.columns.map((c) => ({ width: c.digits === undefined ? 28 : Math.min(30, Math.max(10, Math.round(c.name.length * 0.6))) })),
    data: [
      t.columns.map((c) => ({ value: c.name, fontWeight: 'bold' as const, wrap: true })),
      ...t.rows.map((r) =>
        r.map((v, k) =>
          v === null ? null : typeof v === 'number' ? { value: v, type: Number, format: t.columns[k].digits ? `0.${'0'.repeat(t.columns[k].digits!)}` : '0' } : { value: v, type: String },
        ),
      ),
    ],
  }));
  return writeXlsxFile(sheets as never).toBlob();
}
