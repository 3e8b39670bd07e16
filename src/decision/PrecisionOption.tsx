import { createSignal, Show } from 'solid-js';
import { DEFAULT_TOLERANCES, type KeyErrors } from '../../models/analysis/precision';
import type { PrecisionOutcome, PrecisionRequest, RunController } from '../run/controller';
import { num, pct } from '../format';
import { batchRunsFor, toleranceFormOf, tolerancesOf, type ToleranceForm } from './goalOptions';
import { td } from './texts';

/** Settings of the "enough runs?" option, read by the run button's handler. */
const [enabled, setEnabled] = createSignal(false);
const [tol, setTol] = createSignal<ToleranceForm>(toleranceFormOf(DEFAULT_TOLERANCES));
const [maxRuns, setMaxRuns] = createSignal(20_000);

/** What the run should do: undefined for a plain run of `runs`, else add batches until precise. */
export function precisionRequest(runs: number, target: number): PrecisionRequest | undefined {
  if (!enabled()) return undefined;
  const tolerances = tolerancesOf(tol());
  const max = Math.round(maxRuns());
  if (!tolerances || !(max >= 1)) return undefined;
  return { tolerances, maxRuns: Math.max(max, 1), batchRuns: batchRunsFor(runs), target };
}

export function errorsText(e: KeyErrors): string {
  return td('precErrors', { r: num(e.reductionMean * 100, 3), p: num(e.pReachTarget * 100, 2), c: pct(e.costMeanRelative, 2) });
}

/** The option next to the run button: a checkbox with tolerances and a maximum (a disclosure). */
export function PrecisionOption(props: { ctl: RunController }) {
  const bad = () => enabled() && (tolerancesOf(tol()) === null || !(maxRuns() >= 1));
  const field = (key: keyof ToleranceForm, label: string, id: string) => (
    <label>
      {label}
      <input type="number" data-testid={id} min="0" step="any" value={tol()[key]} disabled={props.ctl.busy()} onInput={(e) => setTol({ ...tol(), [key]: e.currentTarget.valueAsNumber })} />
    </label>
  );
  return (
    <details class="precision-option" data-testid="precision-option">
      <summary>
        {td('precTitle')}
        <Show when={enabled()}> ✓</Show>
      </summary>
      <div class="precision-body">
        <label class="check">
          <input type="checkbox" data-testid="precision-enable" checked={enabled()} disabled={props.ctl.busy()} onChange={(e) => setEnabled(e.currentTarget.checked)} /> {td('precEnable')}
        </label>
        {field('reductionPp', td('precRed'), 'precision-reduction')}
        {field('probabilityPp', td('precProb'), 'precision-probability')}
        {field('costPct', td('precCost'), 'precision-cost')}
        <label>
          {td('precMax')}
          <input type="number" data-testid="precision-max" min="1" step="1000" value={maxRuns()} disabled={props.ctl.busy()} onInput={(e) => setMaxRuns(e.currentTarget.valueAsNumber)} />
        </label>
        <p class="muted small">{td('precHelp')}</p>
        <Show when={bad()}>
          <p class="error-text" role="alert">
            {td('precBad')}
          </p>
        </Show>
      </div>
    </details>
  );
}

/** What the results say about the precision: reached or not, with how many runs and the errors. */
export function PrecisionNote(props: { precision?: PrecisionOutcome; cancelled: boolean; partial: boolean; checking: KeyErrors | null }) {
  return (
    <>
      <Show when={props.partial && props.checking}>
        {(e) => (
          <p class="muted" role="status" data-testid="precision-checking">
            {td('precChecking', { n: num(e().runs), e: errorsText(e()) })}
          </p>
        )}
      </Show>
      <Show when={!props.partial && props.precision}>
        {(p) => (
          <p class={p().precise ? 'precision-note ok' : 'precision-note'} role="status" data-testid="precision-note" data-precise={String(p().precise)} data-runs={String(p().runs)}>
            <strong>{props.cancelled ? td('precCancelled', { n: num(p().runs) }) : p().precise ? td('precReached', { n: num(p().runs) }) : td('precNotReached', { n: num(p().maxRuns) })}</strong>
            <Show when={p().errors}>{(e) => <> {errorsText(e())}</>}</Show>
          </p>
        )}
      </Show>
    </>
  );
}
