import { createEffect, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import type { Summary } from '../../models/summary/summarize';
import { MODEL_COLORS } from '../colors';
import { euroMln, num, pct, signed } from '../format';
import { partyLabelIn } from '../parties';
import { lang, textOf } from '../i18n';
import { inkOn, partyColor } from '../charts/partyStyle';
import { pickParty } from '../charts/financeFocus';
import type { FinancingLike, PartyRiskLike } from '../charts/financeShape';
import { ts } from './summaryTexts';
import { otherZvwParts, totalIncludes, totalShort } from '../region/totalIncludes';

/**
 * Marks its content as changed for a moment when `value` differs from the value at the previous
 * finished run (`flashKey` undefined: a partial summary, neither flashed nor remembered).
 */
export function Flash(props: { flashKey?: number; value: number; class?: string; testId?: string; children: JSX.Element; title?: string }) {
  const [changed, setChanged] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: number | undefined;
  createEffect(
    on(
      () => props.flashKey,
      (key) => {
        if (key === undefined) return;
        const v = props.value;
        if (last !== undefined && !Object.is(v, last)) {
          setChanged(true);
          clearTimeout(timer);
          timer = setTimeout(() => setChanged(false), 2500);
        }
        last = v;
      },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return (
    <span class={props.class} classList={{ changed: changed() }} data-testid={props.testId} data-value={String(props.value)} title={props.title}>
      {props.children}
    </span>
  );
}

const mln = (x: number) => num(x / 1e6, 1);
/** A signed amount in € mln without the unit (the caption has it): +1,2 / −0,4 / 0,0. */
const smln = (x: number) => signed(x, mln);
const modelColor = (i: number) => MODEL_COLORS[i % MODEL_COLORS.length];
const inContract = (r: PartyRiskLike | undefined): r is PartyRiskLike => !!r && (r.revenue !== 0 || r.cost !== 0);

/**
 * The three questions answered in one band at the top of the results: what happens to cost, do
 * we reach the target and could anyone see it, and who gains or loses under each contract
 * (change against the status quo). Every number comes from the worker's summary; the band only
 * formats. The contract rows and party columns link to the detailed views below.
 */
export function SummaryBand(props: {
  summary: Summary;
  /** The financing of the last finished run (partial summaries have none); null: none (yet). */
  fin: FinancingLike | null;
  /** The financing belongs to an earlier run than the numbers above it (a new run is on its way). */
  finOld: boolean;
  /** Whether a finished run is still to come (the table then says it follows). */
  finPending: boolean;
  generation: number;
  partial: boolean;
}) {
  const flashKey = () => (props.partial ? undefined : props.generation);
  const last = () => props.summary.years[props.summary.years.length - 1];
  const target = () => pct(props.summary.target, 0);
  const y = () => last().year;
  const saving = () => last().cf.total.mean - last().sc.total.mean;
  return (
    <section class="summary-band" data-testid="summary-band" aria-label={ts('bandTitle')}>
      <div class="answers" data-testid="headline-band">
        <div class="answer" data-testid="answer-cost">
          <h3 class="answer-q">{ts('q1')}</h3>
          <div class="answer-main">
            <Flash flashKey={flashKey()} value={last().reduction.mean} class="answer-value" testId="band-reduction">
              {pct(Math.abs(last().reduction.mean), 2)}
            </Flash>{' '}
            <span class="answer-what">{last().reduction.mean >= 0 ? ts('costMain', { y: y() }) : ts('costMainUp', { y: y() })}</span>
          </div>
          <p class="answer-spread" data-testid="band-reduction-spread">
            {ts('spread90', { a: pct(last().reduction.p5, 1), b: pct(last().reduction.p95, 1) })}
          </p>
          <p class="answer-sub">
            <Flash flashKey={flashKey()} value={saving()} testId="band-saving">
              {ts('costEuro', { a: euroMln(last().cf.total.mean), b: euroMln(last().sc.total.mean), d: signed(-saving(), euroMln) })}
            </Flash>
          </p>
          <p class="mc">
            <span title={ts('mcTitle')} data-testid="band-mc">
              {ts('mcShort', { e: pct(last().reduction.mcse, 2) })}
            </span>
            {' · '}
            <span class="term" tabindex="0" data-testid="band-total-includes" title={`${totalIncludes(last(), lang())} ${last().cf.claims.otherZvw.mean > 0 ? otherZvwParts(lang()) : ''}`}>
              {totalShort(last(), lang())}
            </span>
          </p>
        </div>
        <div class="answer" data-testid="answer-target">
          <h3 class="answer-q">{ts('q2', { t: target() })}</h3>
          <div class="answer-main">
            <Flash flashKey={flashKey()} value={last().pReachTarget.p} class="answer-value" testId="band-p-target">
              {pct(last().pReachTarget.p, 0)}
            </Flash>
          </div>
          <p class="answer-sentence">
            <span class="term" tabindex="0" title={ts('targetTech')}>
              {ts('targetMain', { y: y(), t: target() })}
            </span>
          </p>
          <p class="mc" title={ts('mcTitle')}>
            {ts('mcShort', { e: pct(last().pReachTarget.mcse, 1) })}
          </p>
        </div>
        <div class="answer" data-testid="answer-see">
          <h3 class="answer-q">{ts('q3')}</h3>
          <div class="answer-main">
            <Flash flashKey={flashKey()} value={last().pObserveTarget.p} class="answer-value" testId="band-p-observe">
              {pct(last().pObserveTarget.p, 0)}
            </Flash>
          </div>
          <p class="answer-sentence">
            <span class="term" tabindex="0" title={ts('seeTech')}>
              {ts('seeMain', { y: y(), t: target() })}
            </span>
          </p>
          <p class="answer-sub small-print">{ts('seeSentence')}</p>
        </div>
      </div>
      <div class="answer answer-parties" data-testid="answer-parties">
        <h3 class="answer-q">{ts('q4')}</h3>
        <Show
          when={props.fin}
          fallback={
            <p class="muted" data-testid="band-fin-pending">
              {props.finPending ? ts('tablePending') : ts('noFinancing')}
            </p>
          }
        >
          {(fin) => <PartyTable fin={fin()} old={props.finOld} flashKey={props.finOld ? undefined : flashKey()} startYear={props.summary.startYear} />}
        </Show>
      </div>
    </section>
  );
}

function PartyTable(props: { fin: FinancingLike; old: boolean; flashKey?: number; startYear: number }) {
  const parties = () => props.fin.parties.filter((p) => props.fin.models.some((m) => inContract(m.horizon[p])));
  const years = () => props.fin.models[0].years.length;
  const label = (p: string) => partyLabelIn(p, lang());
  return (
    <>
      <div class="table-wrap">
        <table class="data band-table" classList={{ old: props.old }} data-testid="band-table">
          <thead>
            <tr>
              <th scope="col" class="band-corner">
                <Show when={props.old}>
                  <span class="old-note" data-testid="band-table-old">
                    {ts('tableOld')}
                  </span>
                </Show>
              </th>
              <For each={parties()}>
                {(p) => (
                  <th scope="col" data-party={p} class="party-key" style={{ '--c': partyColor(p) }}>
                    <a href="#partydist-title" class="band-link" title={ts('partyLink', { p: label(p) })} onClick={() => pickParty(p)}>
                      {label(p)}
                    </a>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.fin.models}>
              {(m, mi) => (
                <tr data-model={m.id}>
                  <th scope="row">
                    <a href={`#fin-row-${mi()}`} class="band-link" title={ts('modelLink', { m: textOf(m.name) })}>
                      <span class="model-no" style={{ '--c': modelColor(mi()), color: inkOn(modelColor(mi())) }}>
                        {mi() + 1}
                      </span>{' '}
                      {textOf(m.name)}
                    </a>
                  </th>
                  <For each={parties()}>
                    {(p) => {
                      const r = () => m.horizon[p];
                      return (
                        <Show when={inContract(r())} fallback={<td class="absent">—</td>}>
                          <td
                            data-party={p}
                            data-change={String(r().changeVsStatusQuo.mean)}
                            data-worse={String(r().pWorseOff.p)}
                            data-bad={String(-r().changeEs95)}
                            classList={{ neg: r().changeVsStatusQuo.mean < 0 && mln(Math.abs(r().changeVsStatusQuo.mean)) !== mln(0) }}
                            title={ts('cellTitle', {
                              p: label(p),
                              m: textOf(m.name),
                              d: signed(r().changeVsStatusQuo.mean, euroMln),
                              e: euroMln(r().changeVsStatusQuo.mcse, 2),
                              w: pct(r().pWorseOff.p, 0),
                              b: signed(-r().changeEs95, euroMln),
                            })}
                          >
                            <Flash flashKey={props.flashKey} value={r().changeVsStatusQuo.mean} class="v">
                              {smln(r().changeVsStatusQuo.mean)}
                            </Flash>
                            <span class="sub">
                              <span class="worse">{pct(r().pWorseOff.p, 0)}</span> · <span class="bad">{smln(-r().changeEs95)}</span>
                            </span>
                          </td>
                        </Show>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="caption band-caption">{ts('tableCaption', { a: props.startYear, b: props.startYear + years() - 1 })}</p>
    </>
  );
}
