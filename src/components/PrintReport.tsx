import { createEffect, createMemo, For, onCleanup, Show } from 'solid-js';
import { lang, textOf } from '../i18n';
import type { ScenarioInput } from '../workspace/store';
import type { Summary } from '../../models/summary/summarize';
import { Later } from './Later';
import { euroMln, num, pct, signed } from '../format';
import { financingOf } from '../charts/financeShape';
import { partyLabelIn } from '../parties';
import { assumptionsOf } from '../report/assumptions';
import { inContract, partiesInAny } from '../report/partyTable';
import { dateText, rt } from '../report/texts';
import { setRunInfo } from '../report/runInfo';
import '../report/print.css';
import { installPrintPrep } from '../report/printPrep';
import { printing } from '../report/printWidth';
import { otherZvwParts, totalIncludes } from '../region/totalIncludes';

installPrintPrep();

/** The three answers in plain words, for the first printed page. */
function PrintSummary(props: { summary: Summary; partial?: boolean; runsRequested?: number }) {
  const s = () => props.summary;
  const last = () => s().years[s().years.length - 1];
  const fin = () => financingOf(s());
  const mln = (x: number) => num(x / 1e6, 1);
  return (
    <section class="print-summary" data-testid="print-summary">
      <h2>{rt('sumTitle')}</h2>
      <Show when={props.partial}>
        <p class="print-partial">{rt('sumPartial', { n: num(s().runs), m: num(props.runsRequested ?? s().runs) })}</p>
      </Show>
      <h3>1. {rt('sumCostQ')}</h3>
      <p data-testid="print-answer-cost">
        {rt('sumCost', {
          y: last().year,
          cf: euroMln(last().cf.total.mean),
          sc: euroMln(last().sc.total.mean),
          r: pct(last().reduction.mean, 2),
          a: pct(last().reduction.p5, 2),
          b: pct(last().reduction.p95, 2),
        })}{' '}
        <span data-testid="print-total-includes">
          {totalIncludes(last(), lang())} {last().cf.claims.otherZvw.mean > 0 ? otherZvwParts(lang()) : ''}
        </span>
      </p>
      <h3>2. {rt('sumTargetQ', { t: pct(s().target, 0) })}</h3>
      <p data-testid="print-answer-target">
        {rt('sumTarget', { y: last().year, t: pct(s().target, 0), p: pct(last().pReachTarget.p, 0), o: pct(last().pObserveTarget.p, 0), c: pct(last().pObserveTargetByChance.p, 0) })}
      </p>
      <h3>3. {rt('sumRiskQ')}</h3>
      <Show when={fin()} fallback={<p>{rt('sumNoFinancing')}</p>}>
        {(f) => (
          <>
            <p class="small">{rt('sumRiskIntro', { a: s().startYear, b: s().startYear + f().models[0].years.length - 1 })}</p>
            <table class="data print-risk" data-testid="print-risk-table">
              <thead>
                <tr>
                  <th scope="col">{rt('sumContract')}</th>
                  <For each={partiesInAny(f())}>{(p) => <th scope="col">{partyLabelIn(p, lang())}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={f().models}>
                  {(m, i) => (
                    <tr>
                      <th scope="row">
                        {i() + 1}. {textOf(m.name)}
                      </th>
                      <For each={partiesInAny(f())}>
                        {(p) => {
                          const r = m.horizon[p];
                          return inContract(r) ? (
                            <td classList={{ neg: r.changeVsStatusQuo.mean < 0 }}>
                              <span class="v">{signed(r.changeVsStatusQuo.mean, mln)}</span>
                              <span class="sub">{rt('sumWorse', { p: pct(r.pWorseOff.p, 0) })}</span>
                            </td>
                          ) : (
                            <td class="absent">–</td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}

/** The head of the printed report: what was run, when, with which seed; so paper can be traced to a file. */
export function PrintHeader(props: { scenario: ScenarioInput; runs: number; hash?: string; summary?: Summary; partial?: boolean; runsRequested?: number }) {
  const meta = () => props.scenario.meta ?? {};
  // The same run named on the pictures saved from the charts.
  createEffect(() =>
    setRunInfo({
      title: textOf(meta().title),
      seed: String(props.scenario.simulation?.seed ?? ''),
      runs: props.runs,
      date: new Date(),
      models: (props.summary && financingOf(props.summary)?.models.map((m) => textOf(m.name))) || [],
    }),
  );
  onCleanup(() => setRunInfo(null));
  return (
    <section class="print-only print-header" data-testid="print-header">
      <h1>{textOf(meta().title)}</h1>
      <p class="print-meta" data-testid="print-meta">
        {rt('printMeta', { d: dateText(new Date(), lang()), s: String(props.scenario.simulation?.seed ?? ''), n: num(props.runs) })}
        <Show when={props.hash}> · SHA-256 {props.hash!.slice(0, 16)}…</Show>
      </p>
      <Show when={textOf(meta().description)}>{(d) => <p class="print-description">{d()}</p>}</Show>
      <Show when={textOf(meta().notes)}>
        {(n) => (
          <p class="notes">
            <strong>{rt('printNotes')}:</strong> {n()}
          </p>
        )}
      </Show>
      <Show when={props.summary}>{(s) => <PrintSummary summary={s()} partial={props.partial} runsRequested={props.runsRequested} />}</Show>
    </section>
  );
}

/**
 * `settled`: the run's results are drawn and the page is idle. Printed only, and walking the
 * scenario against the schema takes about 0.1 s of the main thread, which a run on two cores would
 * lose and the views would wait for: the table follows the scenario once its results are on
 * screen, in a later task, and at once when the page is printed.
 */
export function AssumptionsTable(props: { scenario: ScenarioInput; settled: boolean }) {
  const scenario = createMemo<ScenarioInput | undefined>((shown) => (props.settled || printing() ? props.scenario : shown));
  return (
    <Show when={scenario()}>
      {(s) => (
        <Later now={printing()}>
          <AssumptionRows scenario={s()} />
        </Later>
      )}
    </Show>
  );
}

function AssumptionRows(props: { scenario: ScenarioInput }) {
  // The same scenario object for every partial summary of a run: keep the rows (and their DOM)
  // instead of rebuilding the whole appendix on each one.
  const scenario = createMemo(() => props.scenario);
  const a = createMemo(() => assumptionsOf(scenario(), lang()));
  return (
    <section class="print-only print-assumptions" data-testid="print-assumptions">
      <h2>{rt('apxTitle')}</h2>
      <p class="small">{rt('apxIntro')}</p>
      <div class="apx-columns">
        <For each={a().groups}>
          {(g) => (
            <section class="apx-group" data-group={g.id}>
              <h3>{g.title}</h3>
              <For each={g.items}>
                {(it) => (
                  <>
                    <Show when={it.heading}>
                      <h4>{it.heading}</h4>
                    </Show>
                    <dl class="apx-rows">
                      <For each={it.rows}>
                        {(r) => (
                          <div class="apx-row" data-path={r.path}>
                            <dt>{r.label}</dt>
                            <dd>
                              {r.value}
                              <Show when={r.source !== undefined}>
                                <sup class="apx-ref">[{r.source}]</sup>
                              </Show>
                              <Show when={r.illustrative}>
                                <span class="apx-ill"> ({rt('illustrative')})</span>
                              </Show>
                            </dd>
                          </div>
                        )}
                      </For>
                    </dl>
                  </>
                )}
              </For>
            </section>
          )}
        </For>
      </div>
      <h3>{rt('apxSources')}</h3>
      <ol class="apx-sources">
        <For each={a().sources}>{(s) => <li>{s}</li>}</For>
      </ol>
    </section>
  );
}
