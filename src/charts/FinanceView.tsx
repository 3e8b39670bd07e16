import { createMemo, createSignal, For, Show } from 'solid-js';
import type uPlot from 'uplot';
import { MODEL_COLORS } from '../colors';
import { euroMln, num, pct, signed, withMcse } from '../format';
import type { BenchmarkDrift } from '../../models/define/benchmarkDrift';
import { lang, t, textOf, type MessageKey } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import { Later } from '../components/Later';
import type { PartyResultHist } from '../../models/summary/histograms';
import type { DesignPoint } from '../../models/analysis/designSearch';
import type { FinancingLike, PartyRiskLike } from './financeShape';
import { UPlot } from './UPlot';
import { inkOn, partyColor, partyLabel } from './partyStyle';
import { axisFont } from './axes';
import { chartFont, MARGINS, TYPE } from './chartDefaults';
import { svgWidth } from './svgWidth';
import { pickedParty, pickParty } from './financeFocus';
import { ts } from '../components/summaryTexts';
import { niceTicks, paddedExtent, tickCount } from './ticks';
import type { DesignProposal } from '../decision/designProposal';
import { tx } from '../decision/designTexts';

const modelColor = (i: number) => MODEL_COLORS[i % MODEL_COLORS.length];

type Metric = 'result' | 'pLoss' | 'var95' | 'es95' | 'change' | 'pWorse';
const METRICS: { id: Metric; key: MessageKey }[] = [
  { id: 'result', key: 'mResult' },
  { id: 'pLoss', key: 'mPLoss' },
  { id: 'var95', key: 'mVar' },
  { id: 'es95', key: 'mEs' },
  { id: 'change', key: 'mChange' },
  { id: 'pWorse', key: 'mWorse' },
];

/** Amounts in the table are in € mln (the unit is in the title), so seven columns fit a laptop. */
const mln = (x: number, digits = 1) => num(x / 1e6, digits);
const MONEY: ReadonlySet<Metric> = new Set<Metric>(['result', 'var95', 'es95', 'change']);

/**
 * Patients' deductible is no contract risk: their "result" is the deductible they pay, a loss in
 * every run under every contract. What a contract does to them is the change against the status
 * quo, so their cells show that change in every metric (result → change, chance of loss → chance
 * of being worse off, VaR and ES → those of the change).
 */
type CellMetric = Metric | 'changeVar' | 'changeEs';
const PATIENT_METRIC: Record<Metric, CellMetric> = { result: 'change', pLoss: 'pWorse', var95: 'changeVar', es95: 'changeEs', change: 'change', pWorse: 'pWorse' };
const metricFor = (p: string, m: Metric): CellMetric => (p === 'patients' ? PATIENT_METRIC[m] : m);

function cell(r: PartyRiskLike, m: CellMetric): string {
  switch (m) {
    case 'result':
      return `${mln(r.result.mean)} ± ${mln(r.result.mcse, 2)}`;
    case 'pLoss':
      return `${pct(r.pLoss.p, 0)} ± ${pct(r.pLoss.mcse, 0)}`;
    case 'var95':
      return `${mln(r.var95)} ± ${mln(r.var95Mcse, 2)}`;
    case 'es95':
      return `${mln(r.es95)} ± ${mln(r.es95Mcse, 2)}`;
    case 'change':
      return `${mln(r.changeVsStatusQuo.mean)} ± ${mln(r.changeVsStatusQuo.mcse, 2)}`;
    case 'pWorse':
      return `${pct(r.pWorseOff.p, 0)} ± ${pct(r.pWorseOff.mcse, 0)}`;
    case 'changeVar':
      return mln(-r.changeVsStatusQuo.p5);
    case 'changeEs':
      return `${mln(r.changeEs95)} ± ${mln(r.changeEs95Mcse, 2)}`;
  }
}
/** The value, with its ± on a second, smaller line so the table stays narrow. */
function cellParts(r: PartyRiskLike, m: CellMetric) {
  const [main, pm] = cell(r, m).split(' ± ');
  return (
    <>
      <span class="v">{main}</span>
      {pm ? <span class="pm">± {pm}</span> : null}
    </>
  );
}

function value(r: PartyRiskLike, m: CellMetric): number {
  switch (m) {
    case 'result':
      return r.result.mean;
    case 'pLoss':
      return r.pLoss.p;
    case 'var95':
      return r.var95;
    case 'es95':
      return r.es95;
    case 'change':
      return r.changeVsStatusQuo.mean;
    case 'pWorse':
      return r.pWorseOff.p;
    case 'changeVar':
      return -r.changeVsStatusQuo.p5;
    case 'changeEs':
      return r.changeEs95;
  }
}

/** Parties × financing models: who carries the risk under each contract (question 3). */
export function FinanceView(props: { fin: FinancingLike; startYear: number; hists?: PartyResultHist[]; defaultParty?: string; drift?: BenchmarkDrift | null; proposal?: DesignProposal | null }) {
  const years = () => props.fin.models[0].years.length;
  const [period, setPeriod] = createSignal<'horizon' | number>('horizon');
  const [metric, setMetric] = createSignal<Metric>('result');
  // The per-party chart opens on the party the scenario is about, or the one picked in the summary band.
  const party = () => pickedParty() ?? props.defaultParty ?? 'hospital';
  const setParty = (p: string) => pickParty(p);
  const risk = (mi: number, p: string): PartyRiskLike | undefined => {
    const m = props.fin.models[mi];
    const per = period();
    return per === 'horizon' ? m.horizon[p] : m.years[per]?.[p];
  };
  const parties = () => props.fin.parties.filter((p) => props.fin.models.some((_, mi) => inContract(risk(mi, p))));
  /** The status quo's own row (absent in summaries made before it existed). */
  const sqRisk = (p: string): PartyRiskLike | undefined => {
    const sq = props.fin.statusQuoRisk as { horizon: Record<string, PartyRiskLike>; years: Record<string, PartyRiskLike>[] } | undefined;
    const per = period();
    return per === 'horizon' ? sq?.horizon[p] : sq?.years[per]?.[p];
  };
  const periodLabel = () => (period() === 'horizon' ? t('finHorizon', { a: props.startYear, b: props.startYear + years() - 1 }) : t('finYear', { y: props.startYear + (period() as number) }));

  return (
    <section class="finance" data-testid="finance">
      <div class="finance-controls">
        <label>
          {t('finPeriod')}{' '}
          <select data-testid="fin-period" value={String(period())} onChange={(e) => setPeriod(e.currentTarget.value === 'horizon' ? 'horizon' : Number(e.currentTarget.value))}>
            <option value="horizon">{t('finHorizon', { a: props.startYear, b: props.startYear + years() - 1 })}</option>
            <For each={Array.from({ length: years() }, (_, i) => i)}>{(i) => <option value={String(i)}>{t('finYear', { y: props.startYear + i })}</option>}</For>
          </select>
        </label>
        <label>
          {t('finMetric')}{' '}
          <select data-testid="fin-metric" value={metric()} onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
            <For each={METRICS}>{(m) => <option value={m.id}>{t(m.key)}</option>}</For>
          </select>
        </label>
      </div>

      <div class="card">
        <h3>
          {t('finTableTitle')}: {METRICS.find((m) => m.id === metric()) ? t(METRICS.find((m) => m.id === metric())!.key) : ''}
          {MONEY.has(metric()) ? ` (${t('unitEuroMln')})` : ''} · {periodLabel()}
        </h3>
        <p class="muted">{t('finIntro')}</p>
        <div class="table-wrap">
          <table class="data fin-table" data-testid="fin-table">
            <thead>
              <tr>
                <th scope="col">{t('financingModel')}</th>
                <For each={parties()}>
                  {(p) => (
                    <th scope="col">
                      <span class="swatch band" style={{ '--c': partyColor(p) }} aria-hidden="true" /> {partyLabel(p)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <Show when={props.fin.statusQuoRisk}>
                <tr class="sq-row" data-testid="fin-sq-row">
                  <th scope="row" title={ts('statusQuoTitle')}>
                    <span class="model-no sq" aria-hidden="true">
                      0
                    </span>{' '}
                    {ts('statusQuoRow')}
                  </th>
                  <For each={parties()}>
                    {(p) => {
                      const r = () => sqRisk(p);
                      return (
                        <Show
                          when={inContract(r())}
                          fallback={
                            <td class="absent" title={t('finNotParty')}>
                              —<span class="sr-only"> {t('finNotParty')}</span>
                            </td>
                          }
                        >
                          <td title={ts('statusQuoTitle')}>{cellParts(r()!, metricFor(p, metric()))}</td>
                        </Show>
                      );
                    }}
                  </For>
                </tr>
              </Show>
              <For each={props.fin.models}>
                {(m, mi) => (
                  <tr id={`fin-row-${mi()}`} class="model-row">
                    <th scope="row">
                      <span class="model-no" style={{ '--c': modelColor(mi()), color: inkOn(modelColor(mi())) }}>
                        {mi() + 1}
                      </span>{' '}
                      {textOf(m.name)}
                    </th>
                    <For each={parties()}>
                      {(p) => {
                        const r = () => risk(mi(), p);
                        const bad = () => {
                          const x = r();
                          if (!x) return false;
                          const mt = metricFor(p, metric());
                          const v = value(x, mt);
                          return mt === 'result' || mt === 'change' ? v < 0 : mt === 'pLoss' || mt === 'pWorse' ? v >= 0.5 : false;
                        };
                        const absent = () => !!r() && !inContract(r());
                        return (
                          <Show
                            when={!absent()}
                            fallback={
                              <td class="absent" title={t('finNotParty')}>
                                —<span class="sr-only"> {t('finNotParty')}</span>
                              </td>
                            }
                          >
                            <td
                              classList={{ neg: bad() }}
                              title={
                                r()
                                  ? `${t('mResult')}: ${euroMln(r()!.result.mean)}; ${t('mPLoss')}: ${pct(r()!.pLoss.p, 0)}; VaR 95%: ${euroMln(r()!.var95)}; ES 95%: ${euroMln(r()!.es95)}; ${t('mChange')}: ${euroMln(r()!.changeVsStatusQuo.mean)}; ${t('mWorse')}: ${pct(r()!.pWorseOff.p, 0)}`
                                  : ''
                              }
                            >
                              {r() ? cellParts(r()!, metricFor(p, metric())) : '–'}
                              {p === 'patients' && metricFor(p, metric()) !== metric() ? (
                                <span class="delta" title={ts('patientsCellTitle')}>
                                  Δ
                                </span>
                              ) : null}
                            </td>
                          </Show>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
              <Show when={period() === 'horizon' ? props.proposal : null}>{(d) => <ProposalRows proposal={d()} parties={parties()} />}</Show>
            </tbody>
          </table>
        </div>
        <p class="caption">{t('finTableCaption')}</p>
        <Show when={period() === 'horizon' ? props.proposal : null}>
          {(d) => (
            <p class="caption" data-testid="fin-design-note">
              {tx('finNote', { how: tx(d().design.resimulated ? 'finHowResimulated' : 'finHowSame', { n: num(d().design.runs) }) })}
            </p>
          )}
        </Show>
        <ContractCare fin={props.fin} startYear={props.startYear} period={period()} />
        <Show when={parties().includes('patients')}>
          <p class="caption" data-testid="fin-patients-note">
            {ts('patientsNote')}
          </p>
        </Show>
        <Show when={props.drift && Math.abs(props.drift.lastYear) >= 0.0005 ? props.drift : null}>
          {(d) => (
            <p class="caption" data-testid="benchmark-drift">
              {t('finDriftNote', { a: pct(d().assumedTrend, 2), g: pct(d().expectedGrowth, 2), d: signed(d().lastYear, (x) => pct(x, 1)), y: props.startYear + years() - 1 })}
            </p>
          )}
        </Show>
      </div>

      {/* One card per queued job: mounting the whole view at once was a long main-thread task. */}
      <Later>
        <PartyDistribution
          fin={props.fin}
          hists={props.hists ?? []}
          parties={(props.hists ?? []).map((x) => x.party)}
          party={party()}
          setParty={setParty}
          years={[props.startYear, props.startYear + years() - 1]}
        />
      </Later>
      <div class="grid2">
        <Later>
          <RiskReturn fin={props.fin} risk={risk} parties={parties()} period={periodLabel()} />
        </Later>
        <Later>
          <Gains fin={props.fin} risk={risk} parties={parties()} period={periodLabel()} />
        </Later>
      </div>
    </section>
  );
}

/**
 * The contract designer's proposal (and its equal-shares alternative when that is another point)
 * as rows under the contracts, from the search's own numbers: the change against the status quo
 * over the horizon with its Monte Carlo error, and the chance of being worse off.
 */
function ProposalRows(props: { proposal: DesignProposal; parties: string[] }) {
  const d = () => props.proposal.design;
  const rows = () =>
    [
      { i: d().nash, key: 'finRowNash' as const, mark: 'finMarkNash' as const, id: 'fin-design-nash' },
      { i: d().equalShares !== d().nash ? d().equalShares : null, key: 'finRowEqual' as const, mark: 'finMarkEqual' as const, id: 'fin-design-equal' },
    ].filter((r): r is typeof r & { i: number } => r.i !== null);
  return (
    <For each={rows()}>
      {(r) => (
        <tr class="design-row" data-testid={r.id}>
          <th scope="row" title={tx('finRowTitle', { n: textOf(props.proposal.contractName) })}>
            <span class="model-no design" aria-hidden="true">
              {tx(r.mark)}
            </span>{' '}
            {tx(r.key)}
            <span class="for">{tx('finRowFor', { n: textOf(props.proposal.contractName) })}</span>
          </th>
          <For each={props.parties}>
            {(p) => {
              const o = () => d().points[r.i].outcome[p as keyof DesignPoint['outcome']];
              return (
                <Show
                  when={o()}
                  fallback={
                    <td class="absent" title={tx('finNotSigner')}>
                      —<span class="sr-only"> {tx('finNotSigner')}</span>
                    </td>
                  }
                >
                  {(x) => (
                    <td classList={{ neg: x().gain < 0 }} data-party={p}>
                      <span class="v">
                        <span class="delta" aria-hidden="true">
                          Δ
                        </span>{' '}
                        {mln(x().gain)}
                      </span>
                      <span class="pm">± {mln(x().gainMcse, 2)}</span>
                      <span class="pw">{tx('finWorse', { w: pct(x().pWorse, 0) })}</span>
                    </td>
                  )}
                </Show>
              );
            }}
          </For>
        </tr>
      )}
    </For>
  );
}

type RiskFn = (mi: number, p: string) => PartyRiskLike | undefined;

/**
 * Whether a party has money under a contract (the integrator has none outside population
 * payment): a party outside it gets a dash in the table and no point or bar in the charts.
 */
const inContract = (r: PartyRiskLike | undefined): r is PartyRiskLike => !!r && (r.revenue !== 0 || r.cost !== 0);

/** Model numbers (0-based in, 1-based out) with runs shortened: [0,1,2,4] → "1–3,5". */
export function modelNumbers(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b).map((i) => i + 1);
  const parts: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    parts.push(j - i >= 2 ? `${s[i]}–${s[j]}` : s.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

function RiskReturn(props: { fin: FinancingLike; risk: RiskFn; parties: string[]; period: string }) {
  const { ref: svgRef, W, viewBox } = svgWidth(460);
  const H = 340;
  const m = MARGINS.scatter;
  const pts = createMemo(() =>
    // Changes against the status quo, not levels: a party's level (the insurer's premium income,
    // the patients' deductible) no longer squeezes everyone else into a corner of the chart.
    props.fin.models.flatMap((_, mi) =>
      props.parties
        .map((p) => ({ mi, p, r: props.risk(mi, p) }))
        .filter((x) => inContract(x.r))
        .map((x) => ({ ...x, x: x.r!.changeEs95 / 1e6, y: x.r!.changeVsStatusQuo.mean / 1e6 })),
    ),
  );
  // Finite values only, so one NaN or Infinity in a summary cannot take the scale with it.
  const ext = (vals: number[]) => paddedExtent(vals);
  const xr = () => ext(pts().map((q) => q.x));
  const yr = () => ext(pts().map((q) => q.y));
  const sx = (v: number) => m.l + ((v - xr()[0]) / (xr()[1] - xr()[0])) * (W() - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - yr()[0]) / (yr()[1] - yr()[0])) * (H - m.t - m.b);
  /**
   * One marker per party and position: models whose points fall on about the same spot (closer
   * than a marker is wide, e.g. a party every contract treats alike) share a marker labelled with
   * all their numbers, instead of hiding each other's numbers; the table has the exact values.
   */
  const markers = createMemo(() => {
    const out: { p: string; x: number; y: number; models: number[] }[] = [];
    for (const q of pts()) {
      if (!Number.isFinite(q.x) || !Number.isFinite(q.y)) continue; // in the table, not placeable
      const hit = out.find((g) => g.p === q.p && Math.abs(sx(g.x) - sx(q.x)) < 12 && Math.abs(sy(g.y) - sy(q.y)) < 10);
      if (hit) hit.models.push(q.mi);
      else out.push({ p: q.p, x: q.x, y: q.y, models: [q.mi] });
    }
    return out;
  });
  // As many labels as the axis has room for, whatever the numbers (a tick loop over the data's
  // span once drew 310,000 labels in one task).
  const ticks = (r: readonly [number, number], pixels: number) => niceTicks(r[0], r[1], tickCount(pixels, 70));
  return (
    <ChartCard
      id="riskreturn"
      title={`${t('riskReturnTitle')} · ${props.period}`}
      caption={ts('rrCaption')}
      pngKey={() => props.fin.models.map((md, i) => `${i + 1}. ${textOf(md.name)}`)}
      legend={props.parties.map((p) => ({ label: partyLabel(p), color: partyColor(p), kind: 'bar' as const }))}
      chart={() => (
        <svg ref={svgRef} class="svg-chart" viewBox={viewBox(H)} role="img" aria-label={t('riskReturnTitle')} data-testid="riskreturn-chart">
          <For each={ticks(yr(), H - m.t - m.b)}>
            {(v) => (
              <g>
                <line x1={m.l} x2={W() - m.r} y1={sy(v)} y2={sy(v)} stroke={v === 0 ? '#555' : '#e4e4e4'} />
                <text x={m.l - 6} y={sy(v) + 4} text-anchor="end" font-size={String(TYPE.note)}>
                  {num(Math.abs(v) < 1e-9 ? 0 : v)}
                </text>
              </g>
            )}
          </For>
          <For each={ticks(xr(), W() - m.l - m.r)}>
            {(v) => (
              <g>
                <line x1={sx(v)} x2={sx(v)} y1={m.t} y2={H - m.b} stroke={v === 0 ? '#555' : '#e4e4e4'} />
                <text x={sx(v)} y={H - m.b + 16} text-anchor="middle" font-size={String(TYPE.note)}>
                  {num(Math.abs(v) < 1e-9 ? 0 : v)}
                </text>
              </g>
            )}
          </For>
          <For each={markers()}>
            {(g) => {
              const label = modelNumbers(g.models);
              const w = Math.max(18, 7 * label.length + 8);
              return (
                <g data-testid="rr-point" data-party={g.p} data-models={g.models.map((i) => i + 1).join(',')}>
                  <title>{`${partyLabel(g.p)} · ${g.models.map((i) => textOf(props.fin.models[i].name)).join(', ')}: ${t('mChange')} ${euroMln(g.y * 1e6)}, ${ts('rrBad')} ${euroMln(-g.x * 1e6)}`}</title>
                  <rect x={sx(g.x) - w / 2} y={sy(g.y) - 9} width={w} height="18" rx="9" fill={partyColor(g.p)} stroke="#fff" stroke-width="1.5" />
                  <text x={sx(g.x)} y={sy(g.y) + 4} text-anchor="middle" font-size={String(TYPE.mark)} font-weight="700" fill={inkOn(partyColor(g.p))}>
                    {label}
                  </text>
                </g>
              );
            }}
          </For>
          <text x={(m.l + W() - m.r) / 2} y={H - 8} text-anchor="middle" font-size={String(TYPE.body)}>
            {ts('rrAxisX')}
          </text>
          <text transform={`translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)`} text-anchor="middle" font-size={String(TYPE.body)}>
            {ts('rrAxisY')}
          </text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('party')}</th>
              <th scope="col">#</th>
              <th scope="col">{t('mChange')}</th>
              <th scope="col">{ts('rrBad')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={pts()}>
              {(q) => (
                <tr>
                  <th scope="row">{partyLabel(q.p)}</th>
                  <td>
                    {q.mi + 1} {textOf(props.fin.models[q.mi].name)}
                  </td>
                  <td>{euroMln(q.y * 1e6)}</td>
                  <td>{euroMln(-q.x * 1e6)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

/** Change vs status quo per party under fee-for-service (substitution's effect on each purse). */
function Gains(props: { fin: FinancingLike; risk: RiskFn; parties: string[]; period: string }) {
  const mi = () =>
    Math.max(
      0,
      props.fin.models.findIndex((m) => m.kind === 'ffs'),
    );
  const rows = () => props.parties.map((p) => ({ p, r: props.risk(mi(), p) })).filter((x) => inContract(x.r));
  const { ref: svgRef, W, viewBox } = svgWidth(480);
  const rowH = 34;
  const labelW = 180;
  const maxAbs = () => Math.max(1, ...rows().flatMap((x) => [Math.abs(x.r!.changeVsStatusQuo.p5), Math.abs(x.r!.changeVsStatusQuo.p95)]));
  const mid = () => labelW + (W() - labelW) / 2;
  const sc = (v: number) => ((W() - labelW) / 2 - 8) * (v / maxAbs());
  return (
    <ChartCard
      id="gains"
      title={`${t('gainsTitle', { m: textOf(props.fin.models[mi()].name) })} · ${props.period}`}
      caption={t('gainsCaption')}
      chart={() => (
        <svg ref={svgRef} class="svg-chart" viewBox={viewBox(rowH * rows().length + 34)} role="img" aria-label={t('gainsTitle', { m: textOf(props.fin.models[mi()].name) })} data-testid="gains-chart">
          <line x1={mid()} x2={mid()} y1={0} y2={rowH * rows().length + 10} stroke="#333" />
          <For each={rows()}>
            {(x, i) => {
              const c = () => x.r!.changeVsStatusQuo;
              return (
                <g transform={`translate(0 ${i() * rowH + 5})`}>
                  <text x={labelW - 8} y={rowH / 2 + 4} text-anchor="end" font-size={String(TYPE.body)}>
                    {partyLabel(x.p)}
                  </text>
                  <rect x={Math.min(mid(), mid() + sc(c().mean))} y={8} width={Math.abs(sc(c().mean))} height={rowH - 16} fill={partyColor(x.p)} />
                  <line x1={mid() + sc(c().p5)} x2={mid() + sc(c().p95)} y1={rowH / 2} y2={rowH / 2} stroke="#222" stroke-width="1.5" />
                  <text x={c().mean >= 0 ? mid() - 4 : mid() + 4} y={rowH / 2 + 4} text-anchor={c().mean >= 0 ? 'end' : 'start'} font-size={String(TYPE.mark)}>
                    {euroMln(c().mean)}
                  </text>
                </g>
              );
            }}
          </For>
          <text x={mid()} y={rowH * rows().length + 28} text-anchor="middle" font-size={String(TYPE.body)}>
            {t('gainsAxis')}
          </text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('party')}</th>
              <th scope="col">{t('mChange')}</th>
              <th scope="col">5%–95%</th>
              <th scope="col">{t('mWorse')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(x) => (
                <tr>
                  <th scope="row">{partyLabel(x.p)}</th>
                  <td>{euroMln(x.r!.changeVsStatusQuo.mean)}</td>
                  <td>
                    {euroMln(x.r!.changeVsStatusQuo.p5)} – {euroMln(x.r!.changeVsStatusQuo.p95)}
                  </td>
                  <td>{pct(x.r!.pWorseOff.p, 0)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

/** Dash patterns per model (with the colour and the number at each curve's peak: never colour alone). */
const MODEL_DASH: (number[] | undefined)[] = [undefined, [12, 5], [3, 4], [12, 4, 3, 4], undefined, [12, 5], [3, 4], [12, 4, 3, 4]];
const modelDash = (i: number) => MODEL_DASH[i % MODEL_DASH.length];
const legendKind = (i: number): 'line' | 'dash' | 'dot' => {
  const d = modelDash(i);
  return !d ? 'line' : d[0] <= 3 ? 'dot' : 'dash';
};

/**
 * One party's result over the whole horizon under each financing model, overlaid: the share of
 * runs per range of the result (bins from the summary worker, shared by all models of the party).
 */
function PartyDistribution(props: { fin: FinancingLike; hists: PartyResultHist[]; parties: string[]; party: string; setParty: (p: string) => void; years: [number, number] }) {
  const h = createMemo(() => props.hists.find((x) => x.party === props.party) ?? null);
  /** Models with money flows for this party: index into the summary's models, and its counts. */
  const shown = createMemo(() => {
    const x = h();
    if (!x) return [];
    return x.models
      .map((id, k) => ({ id, k, mi: props.fin.models.findIndex((m) => m.id === id), hist: x.hists[k] }))
      .filter((m) => m.hist !== null && m.mi >= 0)
      .map((m) => ({ ...m, hist: m.hist!, model: props.fin.models[m.mi] }));
  });
  const width = () => (h() ? (h()!.hi - h()!.lo) / h()!.hists.find((c) => c)!.counts.length : 0);
  const bins = createMemo(() => {
    const x = h();
    if (!x) return [];
    const w = width();
    return Array.from({ length: x.hists.find((c) => c)!.counts.length }, (_, i) => ({ from: x.lo + i * w, to: x.lo + (i + 1) * w }));
  });
  const data = createMemo<uPlot.AlignedData>(() => [bins().map((b) => (b.from + b.to) / 2 / 1e6), ...shown().map((m) => m.hist.counts.map((c) => (100 * c) / m.hist.n))]);
  const pLoss = (mi: number) => props.fin.models[mi].horizon[props.party]?.pLoss.p;
  const options = createMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    lang();
    const models = shown();
    const lossLabel = t('distLoss');
    const gainLabel = t('distGain');
    return {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u, _lo, hi) => [0, Math.max(1, hi * 1.3)] } },
      axes: [
        { label: t('distAxisX', { a: props.years[0], b: props.years[1] }), font: axisFont, labelFont: axisFont, values: (_u, v) => v.map((x) => num(x, Math.abs(x) < 10 && x % 1 !== 0 ? 1 : 0)) },
        { label: t('distAxisY'), font: axisFont, labelFont: axisFont, size: 56, values: (_u, v) => v.map((x) => num(x, 0)) },
      ],
      series: [{}, ...models.map((m) => ({ label: `${m.mi + 1}. ${textOf(m.model.name)}`, stroke: modelColor(m.mi), width: 2.5, dash: modelDash(m.mi), points: { show: false } }))],
      hooks: {
        draw: [
          (u: uPlot) => {
            const ctx = u.ctx;
            const dpr = devicePixelRatio || 1;
            const top = u.bbox.top;
            const bottom = u.bbox.top + u.bbox.height;
            ctx.save();
            ctx.font = chartFont(TYPE.body, 400, dpr);
            // Break-even: € 0, with loss to the left and gain to the right.
            const x0 = u.valToPos(0, 'x', true);
            if (x0 >= u.bbox.left && x0 <= u.bbox.left + u.bbox.width) {
              ctx.strokeStyle = '#333';
              ctx.lineWidth = 1.5 * dpr;
              ctx.setLineDash([4 * dpr, 4 * dpr]);
              ctx.beginPath();
              ctx.moveTo(x0, top);
              ctx.lineTo(x0, bottom);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = '#333';
              ctx.textBaseline = 'top';
              ctx.textAlign = 'right';
              ctx.fillText(`← ${lossLabel}`, x0 - 6 * dpr, top + 4 * dpr);
              ctx.textAlign = 'left';
              ctx.fillText(`${gainLabel} →`, x0 + 6 * dpr, top + 4 * dpr);
            }
            // The model's number at the peak of its curve, moved up when it would cover another.
            // Coinciding curves (equal contracts for this party) get their numbers side by side.
            const placed: [number, number][] = [];
            const r = 10 * dpr;
            const ceiling = top + 22 * dpr + r; // below the loss/gain words
            ctx.font = chartFont(TYPE.note, 700, dpr);
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            const free = (x: number, y: number) => !placed.some(([a, b]) => Math.abs(a - x) < 2 * r + dpr && Math.abs(b - y) < 2 * r + dpr);
            models.forEach((m, s) => {
              const ys = u.data[s + 1] as number[];
              let k = 0;
              for (let i = 1; i < ys.length; i++) if (ys[i] > ys[k]) k = i;
              let px = u.valToPos(u.data[0][k] as number, 'x', true);
              let py = Math.max(ceiling, u.valToPos(ys[k], 'y', true) - r - 3 * dpr);
              for (let step = 0; step < 3 && !free(px, py); step++) if (py - 2 * r - 2 * dpr >= ceiling) py -= 2 * r + 2 * dpr;
              // at most one step per placed number: a finite walk whatever the positions
              for (let step = 0; step <= placed.length && !free(px, py); step++) px += 2 * r + 2 * dpr;
              placed.push([px, py]);
              ctx.fillStyle = modelColor(m.mi);
              ctx.beginPath();
              ctx.arc(px, py, r, 0, 2 * Math.PI);
              ctx.fill();
              ctx.fillStyle = inkOn(modelColor(m.mi));
              ctx.fillText(String(m.mi + 1), px, py + 0.5 * dpr);
            });
            ctx.restore();
          },
        ],
      },
    };
  });
  const title = () => t('distTitle', { p: partyLabel(props.party) });
  return (
    <ChartCard
      id="partydist"
      title={title()}
      caption={t('distCaption')}
      legend={shown().map((m) => ({
        label: `${m.mi + 1}. ${textOf(m.model.name)} · ${t('mPLoss')} ${pct(pLoss(m.mi) ?? NaN, 0)}`,
        color: modelColor(m.mi),
        kind: legendKind(m.mi),
      }))}
      controls={() => <PartyPicker parties={props.parties} party={props.party} setParty={props.setParty} />}
      chart={() => <UPlot options={options} data={data} label={`${title()}. ${t('distCaption')}`} testId="partydist-chart" height={340} />}
      table={() => (
        <>
          <table class="data dist-table">
            <caption class="sr-only">{title()}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t('distRange')} ({t('unitEuroMln')})
                </th>
                <For each={shown()}>
                  {(m) => (
                    <th scope="col">
                      {m.mi + 1}. {textOf(m.model.name)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={['p5', 'p50', 'p95'] as const}>
                {(q) => (
                  <tr class="mark">
                    <th scope="row">{q === 'p50' ? t('median') : q === 'p5' ? t('distP5') : t('distP95')}</th>
                    <For each={shown()}>{(m) => <td>{withMcse(m.model.horizon[props.party]?.result[q] ?? NaN, m.model.horizon[props.party]?.result[`${q}Mcse`], (v) => mln(v))}</td>}</For>
                  </tr>
                )}
              </For>
              <tr>
                <th scope="row" class="range">
                  {t('distBelow', { v: mln(h()?.lo ?? NaN) })}
                </th>
                <For each={shown()}>{(m) => <td>{pct(m.hist.below / m.hist.n, 1)}</td>}</For>
              </tr>
              <For each={bins()}>
                {(b, i) => (
                  <tr>
                    <th scope="row" class="range">
                      {mln(b.from)} – {mln(b.to)}
                    </th>
                    <For each={shown()}>{(m) => <td>{pct(m.hist.counts[i()] / m.hist.n, 1)}</td>}</For>
                  </tr>
                )}
              </For>
              <tr>
                <th scope="row" class="range">
                  {t('distAbove', { v: mln(h()?.hi ?? NaN) })}
                </th>
                <For each={shown()}>{(m) => <td>{pct(m.hist.above / m.hist.n, 1)}</td>}</For>
              </tr>
            </tbody>
          </table>
        </>
      )}
    />
  );
}

/** The six parties as a row of toggle buttons (one pressed), in their own colours. */
function PartyPicker(props: { parties: string[]; party: string; setParty: (p: string) => void }) {
  return (
    <div class="seg" role="group" aria-label={t('party')} data-testid="fin-party">
      <For each={props.parties}>
        {(p) => (
          <button type="button" aria-pressed={props.party === p} data-party={p} onClick={() => props.setParty(p)}>
            <span class="swatch band" style={{ '--c': partyColor(p) }} aria-hidden="true" /> {partyLabel(p)}
          </button>
        )}
      </For>
    </div>
  );
}

/**
 * Each contract's cost reduction and chance of reaching the target, side by side: shown when
 * some contract's incentives change its care (otherwise every contract has the scenario's).
 */
function ContractCare(props: { fin: FinancingLike; startYear: number; period: 'horizon' | number }) {
  // Summaries stored before contracts had their own care have no `care`.
  const shown = () => props.fin.models.every((m) => m.care) && props.fin.models.some((m) => m.care.ownCare);
  const year = () => (props.period === 'horizon' ? props.fin.models[0].care.years.length - 1 : props.period);
  const target = () => pct(props.fin.models[0].care.target, 0);
  return (
    <Show when={shown()}>
      <h3>{t('careTitle', { p: target() })}</h3>
      <div class="table-wrap">
        <table class="data" data-testid="contract-care">
          <thead>
            <tr>
              <th scope="col">{t('financingModel')}</th>
              <th scope="col">{t('careReduction', { y: props.startYear + year() })}</th>
              <th scope="col">{t('careChance', { p: target() })}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.fin.models}>
              {(m) => {
                const y = () => m.care.years[year()];
                return (
                  <tr>
                    <th scope="row">
                      {textOf(m.name)} <span class="muted">({m.care.ownCare ? t('careOwn') : t('careScenario')})</span>
                    </th>
                    <td>{withMcse(y().reduction.mean, y().reduction.mcse, (v) => pct(v, 1))}</td>
                    <td>{withMcse(y().pReachTarget.p, y().pReachTarget.mcse, (v) => pct(v, 0))}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <p class="caption">{t('careCaption')}</p>
    </Show>
  );
}
