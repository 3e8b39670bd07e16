// `npm run sim -- <scenario> --design <contract id> --terms "sharingRate=0:1,msr=0:0.05" [--accept accept.json] [--steps N] [--out design.json]`:
// which terms of one contract every party can sign, settled on one simulation's care.
import { readFileSync } from 'node:fs';
import { DesignError, designContract, parseTerms } from '../models/analysis/design';
import type { Design } from '../models/analysis/designSearch';
import { defaultAcceptance, type Acceptance } from '../models/analysis/designTerms';
import { PARTIES, type Party } from '../models/core/names';
import type { Scenario } from '../models/scenario/schema';

const mln = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x / 1e6).toFixed(1)}`;

/**
 * Acceptance limits from a file: `[{ "party": "hospital", "minMeanGain": 0, "maxPWorse": 0.4, "maxEs": 5e6 }, …]`;
 * `"esUnit": "revenue"` reads maxEs as a fraction of the party's revenue, `"esOver": "year"` as the worst 5% of years.
 */
export function readAcceptance(path: string, kind: string): Acceptance[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new DesignError(`${path}: a list of { party, minMeanGain, maxPWorse, maxEs } is expected`);
  const defaults = new Map(defaultAcceptance(kind).map((a) => [a.party, a]));
  return raw.map((x, i) => {
    const at = `${path}[${i}]`;
    if (!x || typeof x !== 'object' || Array.isArray(x)) throw new DesignError(`${at}: an object is expected`);
    const o = x as Record<string, unknown>;
    if (!PARTIES.includes(o.party as Party)) throw new DesignError(`${at}.party: one of ${PARTIES.join(', ')}`);
    const num = (k: string, lo: number, hi: number, d: number | undefined) => {
      if (o[k] === undefined) return d;
      const v = o[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) throw new DesignError(`${at}.${k}: a number from ${lo} to ${hi}`);
      return v;
    };
    const d = defaults.get(o.party as Party) ?? { minMeanGain: 0, maxPWorse: 0.5 };
    const maxEs = num('maxEs', -1e15, 1e15, undefined);
    const pick = <T extends string>(k: string, allowed: readonly T[]): T | undefined => {
      if (o[k] === undefined) return undefined;
      if (!allowed.includes(o[k] as T)) throw new DesignError(`${at}.${k}: one of ${allowed.join(', ')}`);
      return o[k] as T;
    };
    const esUnit = pick('esUnit', ['euro', 'revenue'] as const);
    const esOver = pick('esOver', ['horizon', 'year'] as const);
    return {
      party: o.party as Party,
      minMeanGain: num('minMeanGain', -1e15, 1e15, d.minMeanGain)!,
      maxPWorse: num('maxPWorse', 0, 1, d.maxPWorse)!,
      ...(maxEs !== undefined ? { maxEs } : {}),
      ...(esUnit ? { esUnit } : {}),
      ...(esOver ? { esOver } : {}),
    };
  });
}

/** The design as a table for the terminal: one row per point, the proposals marked. */
export function formatDesign(d: Design): string {
  const parties = d.accept.map((a) => a.party);
  const w = d.terms.map((t) => Math.max(12, t.path.length + 2));
  const lines = [
    `contract ${d.contract}: ${d.points.length} variants on the care of ${d.runs} runs${d.resimulated ? ' (variants simulated again from the same seeds: they change what is recorded)' : ' (financing re-applied to the same simulated care)'}`,
    `change against the status quo over the horizon, € mln (± Monte Carlo error), P(worse off):`,
    [...d.terms.map((t, k) => t.path.padStart(w[k])), ...parties.map((p) => p.padStart(22)), '  ok'].join(''),
  ];
  d.points.forEach((p, i) => {
    const mark = i === d.nash ? '  ← Nash' : i === d.equalShares ? '  ← equal shares' : '';
    lines.push(
      [
        ...d.terms.map((t, k) => p.terms[t.path].toFixed(4).padStart(w[k])),
        ...parties.map((q) => {
          const o = p.outcome[q]!;
          return `${mln(o.gain)} ±${(o.gainMcse / 1e6).toFixed(1)} ${(100 * o.pWorse).toFixed(0)}%`.padStart(22);
        }),
        (p.acceptable ? '  yes' : '   no') + mark,
      ].join(''),
    );
  });
  const ok = d.points.filter((p) => p.acceptable).length;
  lines.push(`${ok} of ${d.points.length} variants acceptable to ${parties.join(', ')}; Pareto frontier: ${d.pareto.length} points`);
  if (ok > 0 && d.nash === null) lines.push('no acceptable variant gives every party a gain: no Nash proposal');
  const pctOfRevenue = (b: Design['binding'][number]) => b.limit === 'maxEs' && d.accept.find((a) => a.party === b.party)?.esUnit === 'revenue';
  for (const b of d.binding)
    lines.push(
      `binding: ${b.party} ${b.limit} is broken by every variant, at least by ${b.limit === 'maxPWorse' ? `${(100 * b.by).toFixed(1)} percentage points` : pctOfRevenue(b) ? `${(100 * b.by).toFixed(2)}% of revenue` : `€${(b.by / 1e6).toFixed(1)} mln`}`,
    );
  return lines.join('\n');
}

export function runDesign(s: Scenario, o: { design: string; terms?: string; accept?: string; steps?: number }): Design {
  if (!o.terms) throw new DesignError('--design needs --terms, e.g. --terms "sharingRate=0:1,msr=0:0.05"');
  const kind = s.financing?.models.find((m) => m.id === o.design)?.kind ?? 'ffs';
  const accept = o.accept ? readAcceptance(o.accept, kind) : undefined;
  return designContract(s, o.design, parseTerms(o.terms), { ...(accept ? { accept } : {}), ...(o.steps ? { steps: o.steps } : {}) });
}
