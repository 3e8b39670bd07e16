import { createEffect, createSignal, For, Show } from 'solid-js';
import { lang, t, textOf, type MessageKey } from '../i18n';
import { euroMln, num, pct } from '../format';
import type { RunController } from '../run/controller';
import { compactResults, compareResults, type ResultsParty, type ResultsSummary, type ResultsVerdict } from '../../models/summary/resultsSummary';
import { partyLabel } from '../charts/partyStyle';

/** A results summary that came with an opened file, and (once it has started) the re-run of that file. */
export interface FileResultsInfo {
  fileName: string;
  results: ResultsSummary;
  /** The input handed to the re-run, and the run generation when it started. */
  rerun: () => { input: unknown; generation: number } | null;
}

type Metric = 'mean' | 'pLoss' | 'es95';
/** The same numbers and words as the financing table of a run (losses positive in expected shortfall). */
const METRICS: { id: Metric; key: MessageKey }[] = [
  { id: 'mean', key: 'mResult' },
  { id: 'pLoss', key: 'mPLoss' },
  { id: 'es95', key: 'mEs' },
];

type Verdict = ResultsVerdict | { kind: 'cancelled' } | { kind: 'failed' } | { kind: 'pending' };

const n = (x: number | null | undefined) => (typeof x === 'number' ? x : NaN);

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

/**
 * The numbers a scenario file carried, shown at once (clearly labelled as the file's), and whether
 * the re-run that starts on opening agrees with them. The verdict is taken from the first run that
 * finishes after the re-run started (a run already under way when the file was opened is
 * cancelled by it and never counts) and then kept.
 */
export function FileResults(props: { info: FileResultsInfo; ctl: RunController; onClose: () => void }) {
  const r = () => props.info.results;
  const last = () => r().years[r().years.length - 1];
  const [verdict, setVerdict] = createSignal<Verdict>({ kind: 'pending' });
  /** Runs in the re-run the verdict was taken from. */
  let rerunRuns = 0;
  let rerunStarted = false;
  createEffect(() => {
    if (verdict().kind !== 'pending') return;
    const run = props.info.rerun();
    if (!run) return;
    // An error counts only for a run started after the re-run, not one from before.
    const phase = props.ctl.phase();
    if (phase === 'running' || phase === 'summarizing') rerunStarted = true;
    if (phase === 'error' && rerunStarted) return void setVerdict({ kind: 'failed' });
    const o = props.ctl.outcome();
    if (!o || props.ctl.generation() <= run.generation) return;
    // Another input finished first: the re-run was stopped for a newer run (e.g. after an edit).
    if (o.cancelled || o.input !== run.input) return void setVerdict({ kind: 'cancelled' });
    const rerun = compactResults(o.summary, { seed: o.seed ?? '', scenarioHash: o.scenarioHash, computedAt: o.finishedAt ?? '' });
    rerunRuns = o.summary.runs;
    setVerdict(compareResults(r(), rerun));
  });
  const otherText = (v: Extract<ResultsVerdict, { kind: 'otherInputs' }>) => {
    const what = [v.hash === false ? t('whatScenario') : null, v.seed ? null : t('whatSeed'), v.runs ? null : t('whatRuns', { a: num(r().runs), b: num(rerunRuns) })].filter((x) => x !== null);
    return `${t('fileResultsOther', { what: what.join(', ') })}${v.same ? ` ${t('fileResultsOtherSame')}` : ''}`;
  };
  const [metric, setMetric] = createSignal<Metric>('mean');
  const cell = (c: ResultsParty | undefined) => {
    const m = metric();
    return m === 'pLoss' ? pct(n(c?.pLoss), 0) : euroMln(n(c?.[m]));
  };
  const parties = () => [...new Set((r().financing ?? []).flatMap((m) => Object.keys(m.parties)))];
  return (
    <section class="card file-results" data-testid="file-results" data-verdict={verdict().kind} aria-labelledby="file-results-title">
      <div class="card-head">
        <h2 id="file-results-title">{t('fileResultsTitle', { f: props.info.fileName })}</h2>
        <button type="button" class="mini" onClick={() => props.onClose()}>
          {t('close')}
        </button>
      </div>
      <p class="file-results-meta" data-testid="file-results-meta">
        {t('fileResultsMeta', { d: when(r().computedAt), n: num(r().runs), s: r().seed })}
      </p>
      <p class="file-results-verdict" classList={{ ok: verdict().kind === 'identical', warn: verdict().kind === 'differs' }} role="status" data-testid="file-results-verdict">
        {(() => {
          const v = verdict();
          switch (v.kind) {
            case 'pending':
              return t('fileResultsPending');
            case 'identical':
              return t('fileResultsIdentical');
            case 'differs':
              return t('fileResultsDiffers', { n: v.where.length });
            case 'cancelled':
              return t('fileResultsCancelled');
            case 'failed':
              return t('fileResultsFailed');
            default:
              return otherText(v);
          }
        })()}
      </p>
      <Show when={last()}>
        {(y) => (
          <div class="file-figures">
            <div>
              <span class="figure-label">{`${t('totalCostIn')} ${y().year}: ${t('counterfactual').toLowerCase()}`}</span>
              <strong data-testid="file-cf-total" data-value={String(y().costCounterfactual)}>
                {euroMln(n(y().costCounterfactual))}
              </strong>
            </div>
            <div>
              <span class="figure-label">{`${t('totalCostIn')} ${y().year}: ${t('scenarioSide').toLowerCase()}`}</span>
              <strong data-testid="file-sc-total" data-value={String(y().costScenario)}>
                {euroMln(n(y().costScenario))}
              </strong>
            </div>
            <div>
              <span class="figure-label">{`${t('reduction')} ${y().year}`}</span>
              <strong data-testid="file-reduction" data-value={String(y().reduction)}>
                {pct(n(y().reduction), 2)} <span class="pm">± {pct(n(y().reductionMcse), 2)}</span>
              </strong>
            </div>
            <div>
              <span class="figure-label">{t('pTarget', { t: pct(r().targetReduction, 0) })}</span>
              <strong data-testid="file-p-target" data-value={String(y().pReachTarget)}>
                {pct(n(y().pReachTarget), 0)}
              </strong>
            </div>
          </div>
        )}
      </Show>
      <details class="file-results-more">
        <summary>{t('fileResultsDetails')}</summary>
        <div class="table-wrap">
          <table class="data" data-testid="file-years-table">
            <thead>
              <tr>
                <th scope="col">{t('year')}</th>
                <th scope="col">
                  {t('counterfactual')}: {t('mean')}
                </th>
                <th scope="col">
                  {t('scenarioSide')}: {t('mean')}
                </th>
                <th scope="col">
                  {t('reduction')}: {t('mean')}
                </th>
                <th scope="col">{t('pTarget', { t: pct(r().targetReduction, 0) })}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().years}>
                {(y) => (
                  <tr>
                    <th scope="row">{y.year}</th>
                    <td>{euroMln(n(y.costCounterfactual))}</td>
                    <td>{euroMln(n(y.costScenario))}</td>
                    <td>
                      {pct(n(y.reduction), 2)} ± {pct(n(y.reductionMcse), 2)}
                    </td>
                    <td>{pct(n(y.pReachTarget), 0)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={(r().financing ?? []).length > 0}>
          <div class="file-fin-head">
            <p class="caption">{t('fileResultsParty')}</p>
            <label class="small">
              {t('finMetric')}{' '}
              <select value={metric()} onChange={(e) => setMetric(e.currentTarget.value as Metric)} data-testid="file-fin-metric">
                <For each={METRICS}>{(m) => <option value={m.id}>{t(m.key)}</option>}</For>
              </select>
            </label>
          </div>
          <div class="table-wrap">
            <table class="data" data-testid="file-fin-table">
              <thead>
                <tr>
                  <th scope="col">{t('financingModel')}</th>
                  <For each={parties()}>{(p) => <th scope="col">{partyLabel(p)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={r().financing ?? []}>
                  {(m) => (
                    <tr>
                      <th scope="row">{textOf(m.name)}</th>
                      <For each={parties()}>{(p) => <td>{cell(m.parties[p])}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </details>
      <p class="caption">{t('fileResultsNote')}</p>
    </section>
  );
}
