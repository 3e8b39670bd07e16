import { DIST_PARTS } from './labels';
import { For, onCleanup, onMount, Show } from 'solid-js';
import { lazyBody, makeBodiesAround } from './lazyBodies';
import type { History } from './history';
import { lang, t } from '../i18n';
import { issueText } from '../texts/issues';
import type { Issue } from '../../models/core/issues';
import { paramLabel } from '../charts/paramLabel';
import type { Workspace } from '../workspace/store';
import { getAt, pathString, pathUnder, type Path } from '../workspace/paths';
import { fieldMessage, FieldNode, ObjectGroup, ListEditor } from './fields';
import { parsePath } from '../../models/scenario/paths';
import { isParamField } from './schemaHelp';

function Group(props: { title: string; id: string; open?: boolean; children: any; errorPrefixes: string[]; ws: Workspace }) {
  const count = () => props.ws.errors().filter((e) => props.errorPrefixes.some((p) => pathUnder(e.path, p))).length;
  const body = lazyBody(!!props.open, () => props.errorPrefixes);
  return (
    <details class="top-group" open={props.open} data-group={props.id} onToggle={body.onToggle}>
      <summary>
        <span>{props.title}</span>
        <Show when={count() > 0}>
          <span class="err-count"> ⚠ {count()}</span>
        </Show>
      </summary>
      <Show when={body.made()}>
        <div class="group-body">{props.children}</div>
      </Show>
    </details>
  );
}

/** Opens the groups around a field and focuses it (from the error list). */
function focusField(path: string) {
  makeBodiesAround(path);
  // The field itself, or else the nearest enclosing field/list (e.g. "shares must sum to 1" sits on the list).
  let el: HTMLElement | null = null;
  for (let p = path; p && !el; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const q = CSS.escape(p);
    el = document.querySelector<HTMLElement>(`[data-path="${q}"], [data-field="${q}"] :is(input,select,textarea), [data-list="${q}"]`);
    if (!/[.[]/.test(p)) break;
  }
  if (!el) return;
  for (let p = el.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  if (!el.hasAttribute('tabindex') && !(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) el.tabIndex = -1;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** The parts of a distribution, as the editor names them in an error's field name (PERT's λ too). */

/**
 * A readable name for an error's field: the item and field as the editor labels them, a
 * distribution's part in words ("meest waarschijnlijk", not `mode`), never the code path.
 */
export function errorLabel(path: string, scenario: unknown, l: 'nl' | 'en'): string {
  let keys: (string | number)[];
  try {
    keys = parsePath(path);
  } catch {
    return path;
  }
  const last = keys[keys.length - 1];
  if (typeof last === 'string' && last in DIST_PARTS && keys.length > 1 && isParamField(keys.slice(0, -1))) {
    const field = pathString(keys.slice(0, -1));
    const base = paramLabel(field, scenario, l).label;
    return last === 'value' ? base : `${base} (${DIST_PARTS[last][l]})`;
  }
  return paramLabel(path, scenario, l).label;
}

/** The scenario editor: every field of the format, grouped as the steering group thinks about it. */
export function Editor(props: { ws: Workspace; history?: History }) {
  const ws = props.ws;
  const h = props.history;
  const stepLabel = (paths: Path[]) => {
    const names = [...new Set(paths.slice(0, 3).map((p) => (p.length === 0 ? t('scenario') : errorLabel(pathString(p), ws.scenario, lang()))))];
    return names.join(', ') + (paths.length > 3 ? ', …' : '');
  };
  onMount(() => {
    if (!h) return;
    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo scenario edits, also while typing in a field
    // of the editor; text boxes elsewhere (names, search) keep the browser's own undo.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const target = e.target as HTMLElement | null;
      const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable;
      if (typing && !target?.closest('[data-testid="editor"]')) return;
      e.preventDefault();
      if (k === 'y' || e.shiftKey) h.redo();
      else h.undo();
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });
  const errorText = (issue: Issue) => {
    let keys: (string | number)[] = [];
    try {
      keys = parsePath(issue.path);
    } catch {
      return issueText(issue, lang());
    }
    return fieldMessage(ws.scenario, keys, issue, lang()).text;
  };
  const has = (p: Path) => getAt(ws.scenario, p) !== undefined;
  return (
    <div class="editor" data-testid="editor">
      <Show when={h}>
        {(hh) => (
          <div class="undo-bar" role="group" aria-label={`${t('undo')} / ${t('redo')}`}>
            <button
              type="button"
              class="mini"
              data-testid="undo"
              disabled={!hh().canUndo()}
              title={hh().canUndo() ? t('undoTitle', { f: stepLabel(hh().nextUndo()) }) : t('nothingToUndo')}
              onClick={() => hh().undo()}
            >
              ↶ {t('undo')}
            </button>
            <button
              type="button"
              class="mini"
              data-testid="redo"
              disabled={!hh().canRedo()}
              title={hh().canRedo() ? t('redoTitle', { f: stepLabel(hh().nextRedo()) }) : t('nothingToRedo')}
              onClick={() => hh().redo()}
            >
              ↷ {t('redo')}
            </button>
          </div>
        )}
      </Show>
      <Show when={ws.errors().length > 0}>
        <div class="error-box" role="alert" data-testid="editor-errors">
          <p>{t('invalidSummary', { n: ws.errors().length })}</p>
          <ul>
            <For each={ws.errors()}>
              {(e) => (
                <li>
                  <button type="button" class="linklike" onClick={() => focusField(e.path)} title={e.path}>
                    {errorLabel(e.path, ws.scenario, lang())}
                  </button>
                  : {errorText(e)}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Group title={t('groupMeta')} id="meta" ws={ws} errorPrefixes={['meta']}>
        <FieldNode ws={ws} path={['meta']} />
      </Group>
      <Group title={t('groupRegion')} id="region" open ws={ws} errorPrefixes={['region']}>
        <FieldNode ws={ws} path={['region', 'name']} />
        <FieldNode ws={ws} path={['region', 'population']} />
        <ListEditor ws={ws} path={['region', 'segments']} label={t('groupRegion')} />
      </Group>
      <Group title={t('groupCare')} id="care" ws={ws} errorPrefixes={['lines', 'benchmark', 'quality']}>
        <p class="help">{t('segmentsCare')}</p>
        <Show when={has(['lines'])}>
          <ObjectGroup ws={ws} path={['lines']} label={t('careTrends')} open={false} />
        </Show>
        <Show when={has(['benchmark'])}>
          <FieldNode ws={ws} path={['benchmark']} />
        </Show>
        <Show when={has(['quality'])}>
          <FieldNode ws={ws} path={['quality']} />
        </Show>
      </Group>
      <Group title={t('groupSubstitution')} id="substitution" ws={ws} errorPrefixes={['substitution']}>
        <ListEditor ws={ws} path={['substitution']} label={t('groupSubstitution')} />
      </Group>
      <Group title={t('groupInterventions')} id="interventions" ws={ws} errorPrefixes={['interventions']}>
        <ListEditor ws={ws} path={['interventions']} label={t('groupInterventions')} />
      </Group>
      <Group title={t('groupFinancing')} id="financing" ws={ws} errorPrefixes={['financing']}>
        {/* Financing: edited with the same generic fields as the rest (schema-driven). */}
        <Show
          when={has(['financing'])}
          fallback={
            <p class="muted" data-testid="financing-editor-placeholder">
              {t('financingEditorPending')}
            </p>
          }
        >
          <Show when={has(['financing', 'parties'])}>
            <ObjectGroup ws={ws} path={['financing', 'parties']} label={t('finPartiesGroup')} open={false} />
          </Show>
          <Show when={has(['financing', 'models'])}>
            <ListEditor ws={ws} path={['financing', 'models']} label={t('groupFinancing')} />
          </Show>
        </Show>
      </Group>
      <Group title={t('groupSimulation')} id="simulation" ws={ws} errorPrefixes={['simulation']}>
        <FieldNode ws={ws} path={['simulation']} />
      </Group>
    </div>
  );
}
