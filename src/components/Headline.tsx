import { createEffect, createSignal, on, type JSX } from 'solid-js';
import type { Summary } from '../../models/summary/summarize';
import { euro, euroMln, num, pct } from '../format';
import { t } from '../i18n';
import { ts } from './summaryTexts';

function Figure(props: { flashKey?: number; testId: string; value: number; label: string; tech?: string; main: string; pm?: string; detail?: JSX.Element; emphasis?: boolean }) {
  // Numbers that change between finished runs light up briefly, so the room sees the effect.
  const [changed, setChanged] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFinal: number | undefined;
  createEffect(
    on(
      () => props.flashKey,
      (key) => {
        if (key === undefined) return; // partial results: neither flash nor remember
        const v = props.value;
        if (lastFinal !== undefined && !Object.is(v, lastFinal)) {
          setChanged(true);
          clearTimeout(timer);
          timer = setTimeout(() => setChanged(false), 2500);
        }
        lastFinal = v;
      },
    ),
  );
  return (
    <div class="figure" classList={{ emphasis: !!props.emphasis, changed: changed() }} data-testid={props.testId} data-value={String(props.value)}>
      <div class="figure-label">
        {props.tech ? (
          <span class="term" tabindex="0" title={props.tech} aria-description={props.tech}>
            {props.label}
          </span>
        ) : (
          props.label
        )}
      </div>
      <div class="figure-main">
        <span class="figure-value">{props.main}</span>
      </div>
      {props.detail ? <div class="figure-detail">{props.detail}</div> : null}
      {/* The spread over runs comes first; the Monte Carlo error is secondary, its meaning on hover. */}
      {props.pm ? (
        <div class="mc" title={ts('mcTitle')}>
          {ts('mcShort', { e: props.pm })}
        </div>
      ) : null}
    </div>
  );
}

/** The headline numbers of the last simulated year, each with its uncertainty. */
export function Headline(props: { summary: Summary; generation?: number; partial?: boolean }) {
  const flashKey = () => (props.partial ? undefined : props.generation);
  const last = () => props.summary.years[props.summary.years.length - 1];
  const target = () => pct(props.summary.target, 0);
  return (
    <div class="headline" data-testid="headline">
      <Figure
        flashKey={flashKey()}
        testId="headline-cf-total"
        value={last().cf.total.mean}
        label={`${t('totalCostIn')} ${last().year}: ${t('counterfactual').toLowerCase()} (${t('meanAdj')})`}
        tech={t('counterfactualTech')}
        main={euroMln(last().cf.total.mean)}
        pm={euroMln(last().cf.total.mcse, 2)}
        detail={
          <>
            {ts('spread90', { a: euroMln(last().cf.total.p5), b: euroMln(last().cf.total.p95) })}
            {' · '}
            <span data-testid="headline-cf-total-euro">{euro(last().cf.total.mean)}</span>
            {' · '}
            {euro(last().cf.total.mean / last().population.mean)} {t('perInsured')}
          </>
        }
      />
      <Figure
        flashKey={flashKey()}
        testId="headline-sc-total"
        value={last().sc.total.mean}
        label={`${t('totalCostIn')} ${last().year}: ${t('scenarioSide').toLowerCase()} (${t('meanAdj')})`}
        main={euroMln(last().sc.total.mean)}
        pm={euroMln(last().sc.total.mcse, 2)}
        detail={
          <>
            {ts('spread90', { a: euroMln(last().sc.total.p5), b: euroMln(last().sc.total.p95) })}
            {' · '}
            <span data-testid="headline-sc-total-euro">{euro(last().sc.total.mean)}</span>
            {' · '}
            {euro(last().sc.total.mean / last().population.mean)} {t('perInsured')}
          </>
        }
      />
      <Figure
        flashKey={flashKey()}
        testId="headline-reduction"
        value={last().reduction.mean}
        label={`${t('reduction')} ${last().year}`}
        tech={t('reductionTech')}
        main={pct(last().reduction.mean, 2)}
        pm={pct(last().reduction.mcse, 2)}
        detail={<>{ts('spread90', { a: pct(last().reduction.p5, 2), b: pct(last().reduction.p95, 2) })}</>}
        emphasis
      />
      <Figure
        flashKey={flashKey()}
        testId="headline-p-target"
        value={last().pReachTarget.p}
        label={t('pTarget', { t: target() })}
        tech={t('pTargetTech')}
        main={pct(last().pReachTarget.p, 0)}
        pm={pct(last().pReachTarget.mcse, 1)}
        emphasis
      />
      <Figure
        flashKey={flashKey()}
        testId="headline-p-observe"
        value={last().pObserveTarget.p}
        label={t('pObserve', { t: target() })}
        tech={t('pObserveTech')}
        main={pct(last().pObserveTarget.p, 0)}
        pm={pct(last().pObserveTarget.mcse, 1)}
        detail={
          <>
            {t('byChance')}: {pct(last().pObserveTargetByChance.p, 0)}
          </>
        }
      />
      <Figure
        flashKey={flashKey()}
        testId="headline-msr"
        value={props.summary.minimumSavingsRate.withBenchmark}
        label={t('msr')}
        tech={t('msrTech', {
          c: pct(props.summary.confidence, 0),
          n: num(props.summary.minimumSavingsRate.population),
          y: props.summary.minimumSavingsRate.benchmarkYears,
          cms: pct(props.summary.minimumSavingsRate.closedForm, 2),
        })}
        main={pct(props.summary.minimumSavingsRate.withBenchmark, 2)}
        detail={
          // The three variants side by side, each saying what it includes.
          <ul class="msr-variants" data-testid="msr-variants" aria-label={ts('msrVariants')}>
            <li>
              {ts('msrBench')}: <strong>{pct(props.summary.minimumSavingsRate.withBenchmark, 2)}</strong>
            </li>
            <li>
              {ts('msrCms')}: {pct(props.summary.minimumSavingsRate.closedForm, 2)}
            </li>
            <li>
              {ts('msrSim')}: {pct(props.summary.minimumSavingsRate.empiricalLastYear, 2)}
              {Number.isFinite(props.summary.minimumSavingsRate.empiricalLastYearMcse) ? (
                <span class="mc-inline" title={ts('mcTitle')}>
                  {' '}
                  (± {pct(props.summary.minimumSavingsRate.empiricalLastYearMcse, 2)})
                </span>
              ) : null}
            </li>
          </ul>
        }
      />
    </div>
  );
}
