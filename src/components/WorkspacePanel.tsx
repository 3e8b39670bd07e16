import { createSignal, For, Show } from 'solid-js';
import { lang, t, textOf } from '../i18n';
import { savedName } from '../workspace/savedName';
import type { Workspace } from '../workspace/store';
import type { RunController } from '../run/controller';
import { canonicalJson } from '../../models/scenario/hash';
import { tw } from '../workspace/texts';
import { num } from '../format';

/** Bytes in GB, MB or kB, in the language's notation. */
const size = (b: number) => (b >= 1e9 ? `${num(b / 1e9, 1)} GB` : b >= 1e6 ? `${num(b / 1e6, 1)} MB` : `${num(Math.max(1, b / 1e3), 0)} kB`);

/**
 * Keeps the current scenario in the workspace with its last result when that result was computed
 * from exactly this scenario. `beforeReplace`: it is kept only so that opening another scenario
 * (library, file, workspace) loses nothing: not ticked for comparison, and no second copy.
 */
export function keepCurrent(ws: Workspace, ctl: RunController, name?: string, beforeReplace = false): void {
  const snap = ws.snapshot();
  const o = ctl.outcome();
  const own = o && !o.partial && canonicalJson(o.input) === canonicalJson(withRuns(snap, o.summary.runs, o.input));
  const n = name?.trim() || textOf(snap.meta?.title) || 'Scenario';
  ws.keep(n, own ? { summary: o!.summary, scenarioHash: o!.scenarioHash, cancelled: o!.cancelled } : undefined, beforeReplace ? { compare: false, unlessKept: true } : {});
}

/** Named scenarios kept in the browser: keep the current one, open one, tick some to compare. */
export function WorkspacePanel(props: { ws: Workspace; ctl: RunController; onOpen: () => void }) {
  const [name, setName] = createSignal('');
  const keep = () => {
    keepCurrent(props.ws, props.ctl, name());
    setName('');
  };
  return (
    <details class="top-group workspace" open data-testid="workspace-panel">
      <summary>
        {t('workspaceTitle')} ({props.ws.saved().length})
      </summary>
      <div class="group-body">
        <div class="keep-row">
          <label class="sr-only" for="keep-name">
            {t('keepName')}
          </label>
          <input id="keep-name" type="text" placeholder={textOf(props.ws.scenario.meta?.title)} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="keep-name" />
          <button type="button" data-testid="keep-scenario" onClick={keep}>
            {t('keepScenario')}
          </button>
        </div>
        <Show when={props.ws.saved().length > 0} fallback={<p class="help">{t('noneKept')}</p>}>
          <ul class="saved-list">
            <For each={props.ws.saved()}>
              {(s) => (
                <li data-testid="saved-item">
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={props.ws.compare().includes(s.id)}
                      onChange={(e) => props.ws.toggleCompare(s.id, e.currentTarget.checked)}
                      aria-label={`${savedName(s)}: ${t('compareTick')}`}
                    />
                    <span class="saved-name">{savedName(s)}</span>
                  </label>
                  <span class="muted small">
                    {new Date(s.savedAt).toLocaleDateString(lang() === 'nl' ? 'nl-NL' : 'en-GB')}
                    {s.result ? ` · ${s.result.summary.runs} runs` : ` · ${t('notRun')}`}
                  </span>
                  <button
                    type="button"
                    class="mini"
                    onClick={() => {
                      keepCurrent(props.ws, props.ctl, undefined, true);
                      props.ws.replace(s.scenario);
                      props.onOpen();
                    }}
                  >
                    {t('open')}
                  </button>
                  <button type="button" class="mini" onClick={() => props.ws.forget(s.id)}>
                    {t('remove')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.ws.usage()}>
          {(u) => (
            <p class="help small" data-testid="storage-usage" data-bytes={u().usage}>
              {tw('storageUsed', { u: size(u().usage), q: size(u().quota) })}
            </p>
          )}
        </Show>
      </div>
    </details>
  );
}

/** The scenario as it was run: the page may override the run count (`?runs=`). */
function withRuns(s: Record<string, any>, runs: number, ran: unknown): Record<string, any> {
  const ranRuns = (ran as Record<string, any>)?.simulation?.runs;
  if (ranRuns === undefined) return s;
  return { ...s, simulation: { ...(s.simulation ?? {}), runs: ranRuns } };
}
