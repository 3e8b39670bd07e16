import type { Summary, YearSummary } from '../models/summary/summarize';
import type { Stat } from '../models/summary/stats';
import { localText } from '../models/scenario/localText';
import { oneLine } from './safeText';

/** A scenario's own text (a title, a contract's name) as the terminal shows it: in English, on one line. */
export const cliText = (text: unknown): string => oneLine(localText(text, 'en'));
import type { FinancingSummary } from '../models/summary/financing';

const mln = (x: number) => `€${(x / 1e6).toFixed(1)} mln`;
const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;
const pm = (s: Stat, f: (x: number) => string) => `${f(s.mean)} ± ${f(s.mcse)} (90%: ${f(s.p5)} to ${f(s.p95)})`;

function yearLines(y: YearSummary, target: number): string[] {
  return [
    `  ${y.year}`,
    `    total cost, no change   ${pm(y.cf.total, mln)}`,
    `    total cost, scenario    ${pm(y.sc.total, mln)}`,
    `    reduction               ${pm(y.reduction, (x) => pct(x, 2))}`,
    `    P(reduction ≥ ${pct(target, 0)})      ${pct(y.pReachTarget.p)} ± ${pct(y.pReachTarget.mcse)}`,
    `    observed vs benchmark   ${pm(y.sc.observedSavings, (x) => pct(x, 2))}; P(observed ≥ ${pct(target, 0)}) ${pct(y.pObserveTarget.p)}, by chance alone ${pct(y.pObserveTargetByChance.p)}`,
    `    reduction variance      ${Number.isNaN(y.reductionVariance.randomShare) ? 'no twin runs' : `${pct(y.reductionVariance.randomShare, 0)} random variation, ${pct(y.reductionVariance.parameterShare, 0)} parameter uncertainty (${y.reductionVariance.pairs} twin runs)`}`,
  ];
}

/** A short readable summary for the terminal: first, middle and last year. */
export function formatSummary(title: string, s: Summary): string {
  const picks = [...new Set([0, Math.floor((s.years.length - 1) / 2), s.years.length - 1])];
  const msr = s.minimumSavingsRate;
  return [
    `${title}`,
    `${s.runs} runs, ${s.horizonYears} years from ${s.startYear}; ± is the Monte Carlo standard error`,
    ...picks.flatMap((i) => yearLines(s.years[i], s.target)),
    ...(s.sensitivity.reductionLastYear.length > 0
      ? [
          `  what drives the reduction in ${s.startYear + s.horizonYears - 1} (rank regression; swing = mean reduction in the top minus the bottom decile of the assumption):`,
          ...s.sensitivity.reductionLastYear.slice(0, 5).map((e) => `    ${e.path.padEnd(48)} ${e.srrc >= 0 ? '+' : ''}${e.srrc.toFixed(2)}  swing ${pct(e.swing, 2)}`),
        ]
      : []),
    ...varianceLines(s),
    `  smallest saving not due to chance (${msr.population.toLocaleString('en')} insured, chance CV of the total ${msr.cv.toFixed(2)}, ${s.detectability.benchmarkEstimated ? `benchmark from ${msr.benchmarkYears} earlier years` : 'expected benchmark'}): ${pct(msr.withBenchmark, 2)} at ${pct(s.confidence, 0)} confidence; the CMS formula without benchmark error (MSR): ${pct(msr.at90, 2)} at 90%, ${pct(msr.at95, 2)} at 95%`,
    ...driftLines(s),
    `  observed savings chance alone exceeds in ${s.startYear + s.horizonYears - 1} at ${pct(s.confidence, 0)} confidence (with benchmark and trend risk): ${pct(msr.empiricalLastYear, 2)} ± ${pct(msr.empiricalLastYearMcse, 2)}`,
  ].join('\n');
}

/**
 * When the contract's trend differs from the scenario's own expected cost growth, the benchmark
 * drifts away from the cost without any change: say by how much by the last year.
 */
function driftLines(s: Summary): string[] {
  const d = s.benchmarkDrift;
  if (!d || Math.abs(d.lastYear) < 0.0005) return [];
  const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(100 * x).toFixed(digits)}%`;
  return [
    `  benchmark drift: the contract assumes ${pct(d.assumedTrend, 2)} a year, the scenario's expected cost growth is ${pct(d.expectedGrowth, 2)}; without any change the benchmark is ${signed(d.lastYear, 1)} against the cost by ${s.startYear + s.horizonYears - 1} (observed savings ${signed(d.lastYear / (1 + d.lastYear), 1)})`,
  ];
}

const split = (v: Summary['varianceSplit']['reductionLastYear']) =>
  Number.isNaN(v.randomShare) ? 'no twin runs' : `${pct(v.randomShare, 0)} chance ± ${pct(v.randomShareSe, 0)}, ${pct(v.parameterShare, 0)} not knowing`;

/** Chance (random variation) vs not knowing (parameter uncertainty) for the key outputs. */
function varianceLines(s: Summary): string[] {
  const v = s.varianceSplit;
  if (v.reductionLastYear.pairs === 0) return [];
  const lastYear = s.startYear + s.horizonYears - 1;
  return [
    `  chance vs not knowing (share of the variance; ${v.reductionLastYear.pairs} runs with a twin replicate):`,
    `    reduction ${lastYear}`.padEnd(48) + split(v.reductionLastYear),
    `    total cost ${lastYear}, scenario`.padEnd(48) + split(v.totalCostLastYear.sc),
    ...v.parties.map((p) => `    ${p.model} · ${p.party} (horizon)`.padEnd(48) + split(p.horizon)),
  ];
}

/** € mln and whole percentages in fixed-width columns. */
const mlnCol = (x: number) => (x / 1e6).toFixed(1).padStart(8);
const pctCol = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);

/** A plain-text table of the horizon totals for the terminal (€ mln). */
export function formatFinancingTable(s: FinancingSummary): string {
  const head = `${'model'.padEnd(24)} ${'party'.padEnd(13)} ${'result'.padStart(8)} ${'± SE'.padStart(6)} ${'P(loss)'.padStart(7)} ${'VaR95'.padStart(8)} ${'± SE'.padStart(6)} ${'ES95'.padStart(8)} ${'± SE'.padStart(6)} ${'vs now'.padStart(8)} ${'P(worse)'.padStart(8)}`;
  const lines = [`  parties' results summed over the horizon, € mln (VaR/ES: loss in the worst 5% of runs; vs now: change against FFS without interventions)`, `  ${head}`];
  for (const m of s.models) {
    for (const p of s.parties) {
      const r = m.horizon[p];
      if (p === 'integrator' && m.kind !== 'population') continue;
      lines.push(
        `  ${cliText(m.name).slice(0, 24).padEnd(24)} ${p.padEnd(13)} ${mlnCol(r.result.mean)} ${(r.result.mcse / 1e6).toFixed(2).padStart(6)} ${pctCol(r.pLoss.p).padStart(7)} ${mlnCol(r.var95)} ${(r.var95Mcse / 1e6).toFixed(2).padStart(6)} ${mlnCol(r.es95)} ${(r.es95Mcse / 1e6).toFixed(2).padStart(6)} ${mlnCol(r.changeVsStatusQuo.mean)} ${pctCol(r.pWorseOff.p).padStart(8)}`,
      );
    }
    if (m.kind !== 'ffs') {
      const it = m.paid.items;
      const parts = it
        ? ` (budget beyond claims ${mlnCol(it.budget).trim()}, stop-loss ${mlnCol(it.stopLoss).trim()}, premium ${mlnCol(it.premium).trim()}, corridor ${mlnCol(it.corridor).trim()})`
        : '';
      lines.push(`  ${''.padEnd(24)} paid beyond FFS: ${mlnCol(m.paid.mean).trim()} mln on average${parts}, in ${pctCol(m.paid.pPaid.p).trim()} of runs`);
    }
  }
  return lines.join('\n');
}
