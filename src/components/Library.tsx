import { createSignal, For, Show } from 'solid-js';
import { lang, t, textOf } from '../i18n';
import type { Workspace, ScenarioInput } from '../workspace/store';
import type { RunController } from '../run/controller';
import { keepCurrent } from './WorkspacePanel';
import { addPreset } from '../../models/scenario/addPreset';
import type { Intervention, Substitution } from '../../models/scenario/schema';
import presets from '../../scenarios/presets/library.json';

// The scenario files ship with the page (no server needed); schema.json is not a scenario.
const files = import.meta.glob<ScenarioInput>('../../scenarios/*.json', { eager: true, import: 'default' });
export const LIBRARY: { file: string; scenario: ScenarioInput }[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('scenario.schema.json'))
  .map(([path, scenario]) => ({ file: path.split('/').pop()!, scenario }))
  .sort((a, b) => (a.file === 'default.json' ? -1 : b.file === 'default.json' ? 1 : a.file.localeCompare(b.file)));

/** The first clause of a headline (up to its first colon, semicolon or full stop), for a one-line teaser. */
export function firstClause(text: string): string {
  const m = /^(.+?)(?::\s|;\s|\.\s)/.exec(text);
  return m ? `${m[1]} …` : text;
}

const START_KEY = 'proeftuin.start.v1';

/** Open on the first visit; afterwards as the user left it. */
function startOpen(): boolean {
  try {
    return localStorage.getItem(START_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * The start view: the questions the pilot regions asked, each opened and run with one click, and
 * the pilots' interventions to add to the current scenario. Open on a first visit (beside the
 * default scenario's results, not over them) and remembered open or closed afterwards. Opening a
 * library scenario keeps the current one in the workspace first, so nothing the user made is lost.
 */
export function Library(props: { ws: Workspace; ctl: RunController; onOpen: () => void }) {
  const [open, setOpen] = createSignal(startOpen());
  const remember = (o: boolean) => {
    setOpen(o);
    try {
      localStorage.setItem(START_KEY, o ? 'open' : 'closed');
    } catch {
      // not fatal: the view opens again next time
    }
  };
  const openScenario = (s: ScenarioInput) => {
    keepCurrent(props.ws, props.ctl, textOf(props.ws.scenario.meta?.title) || t('scenario'), true);
    props.ws.replace(s);
    props.onOpen();
  };
  const add = (p: { kind: 'intervention'; item: Intervention } | { kind: 'substitution'; item: Substitution }) => {
    props.ws.replace(addPreset(props.ws.snapshot() as never, p) as ScenarioInput);
  };
  const current = (s: ScenarioInput) => s.meta?.title !== undefined && JSON.stringify(s.meta.title) === JSON.stringify(props.ws.scenario.meta?.title);
  return (
    <details class="library start-view" data-testid="library" open={open()} onToggle={(e) => open() !== e.currentTarget.open && remember(e.currentTarget.open)}>
      <summary>{t('libraryTitle')}</summary>
      <p class="small start-intro">{t('libraryIntro')}</p>
      <ul class="library-list">
        <For each={LIBRARY}>
          {(e) => {
            const question = () => textOf(e.scenario.meta?.question) || (e.file === 'default.json' ? t('defaultQuestion') : textOf(e.scenario.meta?.description));
            const headline = () => textOf(e.scenario.meta?.headline);
            return (
              <li data-testid="library-item" data-file={e.file} classList={{ current: current(e.scenario) }}>
                <button
                  type="button"
                  class="library-open"
                  aria-current={current(e.scenario) ? 'true' : undefined}
                  aria-describedby={`lib-q-${e.file.replace(/\W/g, '-')}`}
                  onClick={() => openScenario(e.scenario)}
                >
                  {textOf(e.scenario.meta?.title) || e.file}
                </button>
                <Show when={current(e.scenario)}>
                  <span class="badge open-badge">{t('libraryCurrent')}</span>
                </Show>
                <p class="library-question" id={`lib-q-${e.file.replace(/\W/g, '-')}`} data-testid="library-question">
                  {question()}
                </p>
                <Show when={headline()}>
                  <p class="small muted library-headline" title={headline()} data-testid="library-headline">
                    {firstClause(headline())}
                  </p>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <details class="presets" data-testid="presets">
        <summary class="small">{t('presetsTitle')}</summary>
        <ul class="library-list">
          <For each={presets.interventions as unknown as Intervention[]}>
            {(item) => (
              <li data-testid="preset-item" data-id={item.id}>
                <button type="button" onClick={() => add({ kind: 'intervention', item })}>
                  + {textOf(item.name)}
                </button>
                <span class="small muted"> {item.pilot ?? ''}</span>
              </li>
            )}
          </For>
          <For each={presets.substitutions as unknown as Substitution[]}>
            {(item) => (
              <li data-testid="preset-item" data-id={item.id}>
                <button type="button" onClick={() => add({ kind: 'substitution', item })}>
                  + {textOf(item.name)}
                </button>
              </li>
            )}
          </For>
        </ul>
      </details>
    </details>
  );
}
