import { createMemo, createSignal, For, Show } from 'solid-js';
import { MODEL_COLORS, PARTY_COLORS } from '../colors';
import { euroMln, num, pct } from '../format';
import { lang, t, type MessageKey } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import type { FinancingLike, PartyRiskLike } from './financeShape';

const PARTY_LABEL: Record<string, { nl: string; en: string }> = {
  insurer: { nl: 'Zorgverzekeraar', en: 'Insurer' },
  hospital: { nl: 'Ziekenhuis', en: 'Hospital' },
  gp: { nl: 'Huisartsen (zorggroep)', en: 'GP care group' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  patients: { nl: 'Patiënten', en: 'Patients' },
  integrator: { nl: 'Integrator', en: 'Integrator' },
};
export const partyLabel = (p: string) => PARTY_LABEL[p]?.[lang()] ?? p;
const partyColor = (p: string) => (PARTY_COLORS as Record<string, string>)[p] ?? '#444';
const modelColor = (i: number) => MODEL_COLORS[i % MODEL_COLORS.length];
/** Black or white text, whichever has the higher WCAG contrast on `hex`. */
const inkOn = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000' : '#fff';
};

type Metric = 'result' | 'pLoss' | 'var95' | 'es95' | 'change' | 'pWorse';
const METRICS: { id: Metric; key: MessageKey }[] = [
  { id: 'result', key: 'mResult' },
  { id: 'pLoss', key: 'mPLoss' },
  { id: 'var95', key: 'mVar' },
  { id: 'es95', key: 'mEs' },
  { id: 'change', key: 'mChange' },
  { id: 'pWorse', key: 'mWorse' },
];

function cell(r: PartyRiskLike, m: Metric): string {
  switch (m) {
    case 'result': return `${euroMln(r.result.mean)} ± ${euroMln(r.result.mcse, 2)}`;
    case 'pLoss': return `${pct(r.pLoss.p, 0)} ± ${pct(r.pLoss.mcse, 0)}`;
    case 'var95': return euroMln(r.var95);
    case 'es95': return euroMln(r.es95);
    case 'change': return `${euroMln(r.changeVsStatusQuo.mean)} ± ${euroMln(r.changeVsStatusQuo.mcse, 2)}`;
    case 'pWorse': return `${pct(r.pWorseOff.p, 0)} ± ${pct(r.pWorseOff.mcse, 0)}`;
  }
}
/** The value, with its ± on a second, smaller line so the table stays narrow. */
function cellParts(r: PartyRiskLike, m: Metric) {
  const [main, pm] = cell(r, m).split(' ± ');
  return (
    <>
      <span class="v">{main}</span>
      {pm ? <span class="pm">± {pm}</span> : null}
    </>
  );
}

function value(r: PartyRiskLike, m: Metric): number {
  switch (m) {
    case 'result': return r.result.mean;
    case 'pLoss': return r.pLoss.p;
    case 'var95': return r.var95;
    case 'es95': return r.es95;
    case 'change': return r.changeVsStatusQuo.mean;
    case 'pWorse': return r.pWorseOff.p;
  }
}

/** Parties × financing models: who carries the risk under each contract (question 3). */
export function FinanceView(props: { fin: FinancingLike; startYear: number }) {
  const years = () => props.fin.models[0].years.length;
  const [period, setPeriod] = createSignal<'horizon' | number>('horizon');
  const [metric, setMetric] = createSignal<Metric>('result');
  const [party, setParty] = createSignal<string>('hospital');
  const risk = (mi: number, p: string): PartyRiskLike | undefined => {
    const m = props.fin.models[mi];
    const per = period();
    return per === 'horizon' ? m.horizon[p] : m.years[per]?.[p];
  };
  const parties = () => props.fin.parties.filter((p) => props.fin.models.some((_, mi) => risk(mi, p) && (risk(mi, p)!.revenue !== 0 || risk(mi, p)!.cost !== 0)));
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
        <h3>{t('finTableTitle')}: {METRICS.find((m) => m.id === metric()) ? t(METRICS.find((m) => m.id === metric())!.key) : ''} · {periodLabel()}</h3>
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
              <For each={props.fin.models}>
                {(m, mi) => (
                  <tr>
                    <th scope="row">
                      <span class="model-no" style={{ '--c': modelColor(mi()), color: inkOn(modelColor(mi())) }}>{mi() + 1}</span> {m.name}
                    </th>
                    <For each={parties()}>
                      {(p) => {
                        const r = () => risk(mi(), p);
                        const bad = () => {
                          const x = r();
                          if (!x) return false;
                          const v = value(x, metric());
                          return metric() === 'result' || metric() === 'change' ? v < 0 : metric() === 'pLoss' || metric() === 'pWorse' ? v >= 0.5 : false;
                        };
                        return (
                          <td classList={{ neg: bad() }} title={r() ? `${t('mResult')}: ${euroMln(r()!.result.mean)}; ${t('mPLoss')}: ${pct(r()!.pLoss.p, 0)}; VaR 95%: ${euroMln(r()!.var95)}; ES 95%: ${euroMln(r()!.es95)}; ${t('mChange')}: ${euroMln(r()!.changeVsStatusQuo.mean)}; ${t('mWorse')}: ${pct(r()!.pWorseOff.p, 0)}` : ''}>
                            {r() ? cellParts(r()!, metric()) : '–'}
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="caption">{t('finTableCaption')}</p>
      </div>

      <div class="grid2">
        <RiskReturn fin={props.fin} risk={risk} parties={parties()} />
        <Gains fin={props.fin} risk={risk} parties={parties()} />
      </div>

      <div class="card">
        <div class="card-head">
          <h3>
            {t('distTitle')}{' '}
            <select aria-label={t('party')} data-testid="fin-party" value={party()} onChange={(e) => setParty(e.currentTarget.value)}>
              <For each={parties()}>{(p) => <option value={p}>{partyLabel(p)}</option>}</For>
            </select>
          </h3>
        </div>
        <Boxes fin={props.fin} risk={risk} party={party()} />
        <p class="caption">{t('distCaption')} · {periodLabel()}</p>
      </div>
    </section>
  );
}

type RiskFn = (mi: number, p: string) => PartyRiskLike | undefined;

function RiskReturn(props: { fin: FinancingLike; risk: RiskFn; parties: string[] }) {
  const W = 460;
  const H = 300;
  const m = { l: 64, r: 14, t: 14, b: 46 };
  const pts = createMemo(() =>
    props.fin.models.flatMap((_, mi) => props.parties.map((p) => ({ mi, p, r: props.risk(mi, p) })).filter((x) => x.r).map((x) => ({ ...x, x: x.r!.es95 / 1e6, y: x.r!.result.mean / 1e6 }))),
  );
  const ext = (vals: number[]) => {
    const lo = Math.min(0, ...vals);
    const hi = Math.max(0, ...vals);
    const pad = (hi - lo) * 0.08 || 1;
    return [lo - pad, hi + pad] as const;
  };
  const xr = () => ext(pts().map((q) => q.x));
  const yr = () => ext(pts().map((q) => q.y));
  const sx = (v: number) => m.l + ((v - xr()[0]) / (xr()[1] - xr()[0])) * (W - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - yr()[0]) / (yr()[1] - yr()[0])) * (H - m.t - m.b);
  const ticks = (r: readonly [number, number]) => {
    const span = r[1] - r[0];
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => span / s <= 6) ?? 2000;
    const out: number[] = [];
    for (let v = Math.ceil(r[0] / step) * step; v <= r[1]; v += step) out.push(v);
    return out;
  };
  return (
    <ChartCard
      id="riskreturn"
      title={t('riskReturnTitle')}
      caption={t('riskReturnCaption')}
      legend={props.parties.map((p) => ({ label: partyLabel(p), color: partyColor(p), kind: 'band' as const }))}
      chart={() => (
        <svg class="svg-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('riskReturnTitle')} data-testid="riskreturn-chart">
          <For each={ticks(yr())}>
            {(v) => (
              <g>
                <line x1={m.l} x2={W - m.r} y1={sy(v)} y2={sy(v)} stroke={v === 0 ? '#555' : '#e4e4e4'} />
                <text x={m.l - 6} y={sy(v) + 4} text-anchor="end" font-size="12">{num(Math.abs(v) < 1e-9 ? 0 : v)}</text>
              </g>
            )}
          </For>
          <For each={ticks(xr())}>
            {(v) => (
              <g>
                <line x1={sx(v)} x2={sx(v)} y1={m.t} y2={H - m.b} stroke={v === 0 ? '#555' : '#e4e4e4'} />
                <text x={sx(v)} y={H - m.b + 16} text-anchor="middle" font-size="12">{num(Math.abs(v) < 1e-9 ? 0 : v)}</text>
              </g>
            )}
          </For>
          <For each={pts()}>
            {(q) => (
              <g>
                <circle cx={sx(q.x)} cy={sy(q.y)} r="9" fill={partyColor(q.p)} stroke="#fff" stroke-width="1.5">
                  <title>{`${partyLabel(q.p)} · ${props.fin.models[q.mi].name}: ${euroMln(q.y * 1e6)}, ES ${euroMln(q.x * 1e6)}`}</title>
                </circle>
                <text x={sx(q.x)} y={sy(q.y) + 4} text-anchor="middle" font-size="11" font-weight="700" fill={inkOn(partyColor(q.p))}>{q.mi + 1}</text>
              </g>
            )}
          </For>
          <text x={(m.l + W - m.r) / 2} y={H - 8} text-anchor="middle" font-size="13">{t('axisEs')}</text>
          <text transform={`translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)`} text-anchor="middle" font-size="13">{t('axisMeanResult')}</text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('party')}</th>
              <th scope="col">#</th>
              <th scope="col">{t('mResult')}</th>
              <th scope="col">ES 95%</th>
            </tr>
          </thead>
          <tbody>
            <For each={pts()}>
              {(q) => (
                <tr>
                  <th scope="row">{partyLabel(q.p)}</th>
                  <td>{q.mi + 1} {props.fin.models[q.mi].name}</td>
                  <td>{euroMln(q.y * 1e6)}</td>
                  <td>{euroMln(q.x * 1e6)}</td>
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
function Gains(props: { fin: FinancingLike; risk: RiskFn; parties: string[] }) {
  const mi = () => Math.max(0, props.fin.models.findIndex((m) => m.kind === 'ffs'));
  const rows = () => props.parties.map((p) => ({ p, r: props.risk(mi(), p) })).filter((x) => x.r);
  const W = 480;
  const rowH = 34;
  const labelW = 180;
  const maxAbs = () => Math.max(1, ...rows().flatMap((x) => [Math.abs(x.r!.changeVsStatusQuo.p5), Math.abs(x.r!.changeVsStatusQuo.p95)]));
  const mid = () => labelW + (W - labelW) / 2;
  const sc = (v: number) => ((W - labelW) / 2 - 8) * (v / maxAbs());
  return (
    <ChartCard
      id="gains"
      title={t('gainsTitle', { m: props.fin.models[mi()].name })}
      caption={t('gainsCaption')}
      chart={() => (
        <svg class="svg-chart" viewBox={`0 0 ${W} ${rowH * rows().length + 10}`} role="img" aria-label={t('gainsTitle', { m: props.fin.models[mi()].name })} data-testid="gains-chart">
          <line x1={mid()} x2={mid()} y1={0} y2={rowH * rows().length + 10} stroke="#333" />
          <For each={rows()}>
            {(x, i) => {
              const c = () => x.r!.changeVsStatusQuo;
              return (
                <g transform={`translate(0 ${i() * rowH + 5})`}>
                  <text x={labelW - 8} y={rowH / 2 + 4} text-anchor="end" font-size="13">{partyLabel(x.p)}</text>
                  <rect x={Math.min(mid(), mid() + sc(c().mean))} y={8} width={Math.abs(sc(c().mean))} height={rowH - 16} fill={partyColor(x.p)} />
                  <line x1={mid() + sc(c().p5)} x2={mid() + sc(c().p95)} y1={rowH / 2} y2={rowH / 2} stroke="#222" stroke-width="1.5" />
                  <text x={c().mean >= 0 ? mid() - 4 : mid() + 4} y={rowH / 2 + 4} text-anchor={c().mean >= 0 ? 'end' : 'start'} font-size="11">{euroMln(c().mean)}</text>
                </g>
              );
            }}
          </For>
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
                  <td>{euroMln(x.r!.changeVsStatusQuo.p5)} – {euroMln(x.r!.changeVsStatusQuo.p95)}</td>
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

/** Box-style summaries of one party's result under each model (percentiles from the worker). */
function Boxes(props: { fin: FinancingLike; risk: RiskFn; party: string }) {
  const W = 900;
  const rowH = 30;
  const labelW = 260;
  const rows = () => props.fin.models.map((m, mi) => ({ m, mi, r: props.risk(mi, props.party) })).filter((x) => x.r);
  const lo = () => Math.min(0, ...rows().map((x) => x.r!.result.p5));
  const hi = () => Math.max(0, ...rows().map((x) => x.r!.result.p95));
  const sx = (v: number) => labelW + ((v - lo()) / (hi() - lo() || 1)) * (W - labelW - 20);
  return (
    <svg class="svg-chart" viewBox={`0 0 ${W} ${rowH * rows().length + 30}`} role="img" aria-label={`${t('distTitle')} ${partyLabel(props.party)}`} data-testid="fin-boxes">
      <line x1={sx(0)} x2={sx(0)} y1={0} y2={rowH * rows().length} stroke="#333" stroke-dasharray="3 3" />
      <text x={sx(0)} y={rowH * rows().length + 20} text-anchor="middle" font-size="12">€ 0</text>
      <text x={sx(lo())} y={rowH * rows().length + 20} text-anchor="start" font-size="12">{euroMln(lo())}</text>
      <text x={sx(hi())} y={rowH * rows().length + 20} text-anchor="end" font-size="12">{euroMln(hi())}</text>
      <For each={rows()}>
        {(x, i) => {
          const s = () => x.r!.result;
          const c = () => modelColor(x.mi);
          return (
            <g transform={`translate(0 ${i() * rowH})`}>
              <text x={labelW - 8} y={rowH / 2 + 4} text-anchor="end" font-size="13">{x.mi + 1}. {x.m.name}</text>
              <line x1={sx(s().p5)} x2={sx(s().p95)} y1={rowH / 2} y2={rowH / 2} stroke={c()} stroke-width="2" />
              <rect x={sx(s().p25)} y={6} width={Math.max(1, sx(s().p75) - sx(s().p25))} height={rowH - 12} fill={c()} fill-opacity="0.35" stroke={c()} />
              <line x1={sx(s().p50)} x2={sx(s().p50)} y1={4} y2={rowH - 4} stroke={c()} stroke-width="3" />
            </g>
          );
        }}
      </For>
    </svg>
  );
}
