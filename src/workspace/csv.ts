import type { Summary } from '../../models/summary/summarize';
import { LINES } from '../../models/scenario/names';
import type { Lang } from '../i18n';

/**
 * The per-year results as CSV. Dutch: semicolon separator and decimal comma, so Excel with Dutch
 * settings opens it correctly; English: comma and decimal point. Numbers are written in full.
 */
export function summaryCsv(s: Summary, lang: Lang): string {
  const sep = lang === 'nl' ? ';' : ',';
  const num = (x: number) => (Number.isFinite(x) ? (lang === 'nl' ? String(x).replace('.', ',') : String(x)) : '');
  const cell = (v: string | number) => {
    if (typeof v === 'number') return num(v);
    return /["\n;,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const cols: [string, (y: Summary['years'][number]) => number][] = [
    ['year', (y) => y.year],
    ['population_mean', (y) => y.population.mean],
    ['cf_total_mean_eur', (y) => y.cf.total.mean],
    ['cf_total_mcse_eur', (y) => y.cf.total.mcse],
    ['cf_total_p5_eur', (y) => y.cf.total.p5],
    ['cf_total_p25_eur', (y) => y.cf.total.p25],
    ['cf_total_p50_eur', (y) => y.cf.total.p50],
    ['cf_total_p75_eur', (y) => y.cf.total.p75],
    ['cf_total_p95_eur', (y) => y.cf.total.p95],
    ['sc_total_mean_eur', (y) => y.sc.total.mean],
    ['sc_total_mcse_eur', (y) => y.sc.total.mcse],
    ['sc_total_p5_eur', (y) => y.sc.total.p5],
    ['sc_total_p25_eur', (y) => y.sc.total.p25],
    ['sc_total_p50_eur', (y) => y.sc.total.p50],
    ['sc_total_p75_eur', (y) => y.sc.total.p75],
    ['sc_total_p95_eur', (y) => y.sc.total.p95],
    ['reduction_mean', (y) => y.reduction.mean],
    ['reduction_mcse', (y) => y.reduction.mcse],
    ['reduction_p5', (y) => y.reduction.p5],
    ['reduction_p95', (y) => y.reduction.p95],
    ['p_reduction_ge_target', (y) => y.pReachTarget.p],
    ['p_reduction_ge_target_mcse', (y) => y.pReachTarget.mcse],
    ['benchmark_mean_eur', (y) => y.benchmark.mean],
    ['sc_observed_savings_mean', (y) => y.sc.observedSavings.mean],
    ['cf_observed_savings_mean', (y) => y.cf.observedSavings.mean],
    ['p_observed_ge_target', (y) => y.pObserveTarget.p],
    ['p_observed_ge_target_by_chance', (y) => y.pObserveTargetByChance.p],
    ['intervention_cost_mean_eur', (y) => y.interventionCost.mean],
    ...LINES.flatMap((l): [string, (y: Summary['years'][number]) => number][] => [
      [`cf_claims_${l}_mean_eur`, (y) => y.cf.claims[l].mean],
      [`sc_claims_${l}_mean_eur`, (y) => y.sc.claims[l].mean],
      [`moved_out_${l}_mean_contacts`, (y) => y.moved.out[l].mean],
      [`moved_in_${l}_mean_contacts`, (y) => y.moved.in[l].mean],
    ]),
  ];
  const lines = [cols.map(([n]) => cell(n)).join(sep), ...s.years.map((y) => cols.map(([, f]) => cell(f(y))).join(sep))];
  return `${lines.join('\r\n')}\r\n`;
}
