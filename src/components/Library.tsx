import { For } from 'solid-js';
import { lang, t } from '../i18n';
import type { Workspace, ScenarioInput } from '../workspace/store';
import { addPreset } from '../../models/scenario/addPreset';
import type { Intervention, Substitution } from '../../models/scenario/schema';
import presets from '../../scenarios/presets/library.json';

// The scenario files ship with the page (no server needed); schema.json is not a scenario.
const files = import.meta.glob<ScenarioInput>('../../scenarios/*.json', { eager: true, import: 'default' });
export const LIBRARY: { file: string; scenario: ScenarioInput }[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('scenario.schema.json'))
  .map(([path, scenario]) => ({ file: path.split('/').pop()!, scenario }))
  .sort((a, b) => (a.file === 'default.json' ? -1 : b.file === 'default.json' ? 1 : a.file.localeCompare(b.file)));

/** The Dutch or English paragraph of a description written "Dutch\n\nEnglish". */
function inLanguage(text: string | undefined): string {
  const parts = (text ?? '').split(/\n\s*\n/);
  return (lang() === 'en' && parts.length > 1 ? parts[1] : parts[0]) ?? '';
}

/**
 * Start from a question the pilot regions asked, or add a pilot's intervention to the current
 * scenario. Opening a library scenario keeps the current one in the workspace first, so nothing
 * the user made is lost.
 */
export function Library(props: { ws: Workspace; onOpen: () => void }) {
  const open = (s: ScenarioInput) => {
    props.ws.keep(String(props.ws.scenario.meta?.title ?? t('scenario')));
    props.ws.replace(s);
    props.onOpen();
  };
  const add = (p: { kind: 'intervention'; item: Intervention } | { kind: 'substitution'; item: Substitution }) => {
    props.ws.replace(addPreset(props.ws.snapshot() as never, p) as ScenarioInput);
  };
  return (
    <details class="library" data-testid="library">
      <summary>{t('libraryTitle')}</summary>
      <ul class="library-list">
        <For each={LIBRARY}>
          {(e) => (
            <li data-testid="library-item" data-file={e.file}>
              <button type="button" class="library-open" onClick={() => open(e.scenario)}>
                {String(e.scenario.meta?.title ?? e.file)}
              </button>
              <p class="small">{inLanguage(e.scenario.meta?.description)}</p>
              <p class="small muted">{(e.scenario.meta?.parties ?? []).join(' · ')}</p>
            </li>
          )}
        </For>
      </ul>
      <h3 class="small">{t('presetsTitle')}</h3>
      <ul class="library-list">
        <For each={presets.interventions as unknown as Intervention[]}>
          {(item) => (
            <li data-testid="preset-item" data-id={item.id}>
              <button type="button" onClick={() => add({ kind: 'intervention', item })}>
                + {item.name}
              </button>
              <span class="small muted"> {item.pilot ?? ''}</span>
            </li>
          )}
        </For>
        <For each={presets.substitutions as unknown as Substitution[]}>
          {(item) => (
            <li data-testid="preset-item" data-id={item.id}>
              <button type="button" onClick={() => add({ kind: 'substitution', item })}>
                + {item.name}
              </button>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
