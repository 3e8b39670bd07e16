import { For, Show } from 'solid-js';
import type { RunController } from '../run/controller';
import { num, seconds } from '../format';
import { t } from '../i18n';
import { ts } from './summaryTexts';

/** The run button with its progress; always visible at the top of the page. */
/**
 * `why`: why the run button is disabled, in plain words (shown under it). `notes`: plausibility
 * notes that do not block the run, listed above the button.
 */
export function RunBar(props: { ctl: RunController; onRun: () => void; canRun: boolean; why?: string; notes?: string[] }) {
  const p = () => props.ctl.progress();
  const frac = () => {
    const q = p();
    return q && q.total > 0 ? q.done / q.total : 0;
  };
  const stateText = () => {
    // A run about to start (the page opening, an edit waiting out its pause) is said as such.
    if (props.ctl.queued() && !props.ctl.busy()) return props.ctl.outcome() ? ts('stateWaiting') : ts('stateStarting');
    switch (props.ctl.phase()) {
      case 'idle':
        return t('stateIdle');
      case 'running':
        return t('stateRunning');
      case 'summarizing':
        return t('stateSummarizing');
      case 'done':
        return t('stateDone');
      case 'cancelled':
        return t('stateCancelled');
      case 'error':
        return t('stateError');
    }
  };
  return (
    <div class="runbar" data-testid="runbar">
      <Show when={(props.notes?.length ?? 0) > 0}>
        <details class="run-notes" data-testid="run-notes">
          <summary>
            ⚠ {t('plausibilityTitle')} {props.notes!.length}
          </summary>
          <ul>
            <For each={props.notes}>{(n) => <li>{n}</li>}</For>
          </ul>
        </details>
      </Show>
      <Show
        when={props.ctl.busy()}
        fallback={
          <button
            type="button"
            class="primary"
            data-testid="run-button"
            disabled={!props.canRun}
            title={!props.canRun ? props.why : undefined}
            aria-describedby={!props.canRun && props.why ? 'run-why' : undefined}
            onClick={() => props.onRun()}
          >
            {props.ctl.outcome() ? t('rerun') : t('run')}
          </button>
        }
      >
        <button type="button" class="danger" data-testid="cancel-button" onClick={() => props.ctl.cancel()}>
          {t('cancel')}
        </button>
      </Show>
      <div class="progress-block">
        {/* Only the state is announced: the run counter changes many times a second. */}
        <div class="state" data-testid="run-state" data-phase={props.ctl.phase()} aria-live="polite">
          {stateText()}
        </div>
        <Show when={p()}>
          {(q) => (
            <>
              <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={q().total} aria-valuenow={q().done} aria-label={t('runsDone')}>
                <div class="progress-fill" style={{ transform: `scaleX(${frac().toFixed(4)})` }} />
              </div>
              <div class="progress-text" data-testid="progress-text">
                {num(q().done)} / {num(q().total)} {t('runsDone')}
                <Show when={props.ctl.busy() && q().done < q().total}>
                  {' · '}
                  {t('timeLeft')} {seconds(q().etaMs)}
                </Show>
                <Show when={!props.ctl.busy()}>
                  {' · '}
                  {seconds(q().elapsedMs)}
                </Show>
              </div>
            </>
          )}
        </Show>
        <Show when={!props.canRun && !props.ctl.busy() && props.why}>
          <p class="run-why" id="run-why" data-testid="run-why">
            {props.why}
          </p>
        </Show>
      </div>
    </div>
  );
}
