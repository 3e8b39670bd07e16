import { createMemo, For, Show } from 'solid-js';
import { lang, t } from '../i18n';
import type { ScenarioInput } from '../workspace/store';
import type { Path } from '../workspace/paths';
import { pathString } from '../workspace/paths';
import { isParamField } from '../editor/schemaHelp';
import { showNumber } from '../editor/numbers';
import { Later } from './Later';
import { paramLabel } from '../charts/paramLabel';

interface Row {
  path: string;
  value: string;
  source?: string;
  illustrative: boolean;
}

/** Every parameter in the scenario with its value and source, for the printed report. */
function assumptions(s: ScenarioInput): Row[] {
  const rows: Row[] = [];
  const walk = (v: unknown, path: Path) => {
    if (path.length > 0 && isParamField(path)) {
      const l = lang();
      const n = (x: unknown) => showNumber(x, l);
      let value = '';
      let source: string | undefined;
      let illustrative = false;
      if (typeof v === 'number') value = n(v);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        source = typeof o.source === 'string' ? o.source : undefined;
        illustrative = o.illustrative === true;
        if ('value' in o) value = n(o.value);
        else {
          const { dist, source: _s, illustrative: _i, ...rest } = o;
          value = `${String(dist)} ${Object.entries(rest).map(([k, x]) => `${k} ${n(x)}`).join(' · ')}`;
        }
      } else value = String(v);
      rows.push({ path: pathString(path), value, source, illustrative });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'meta') walk(x, [...path, k]);
  };
  walk(s, []);
  return rows;
}

/** The head of the printed report: what was run, when, with which seed; so paper can be traced to a file. */
export function PrintHeader(props: { scenario: ScenarioInput; runs: number; hash?: string }) {
  return (
    <section class="print-only print-header">
      <h1>{String(props.scenario.meta?.title ?? '')}</h1>
      <p>{String(props.scenario.meta?.description ?? '')}</p>
      <p>
        {t('printedOn')}: {new Date().toLocaleString(lang() === 'nl' ? 'nl-NL' : 'en-GB')} · {t('seed')}: {String(props.scenario.simulation?.seed ?? '')} · {props.runs} runs
        <Show when={props.hash}> · SHA-256 {props.hash!.slice(0, 16)}…</Show>
      </p>
      <Show when={props.scenario.meta?.notes}>
        <p class="notes">{String(props.scenario.meta.notes)}</p>
      </Show>
    </section>
  );
}

export function AssumptionsTable(props: { scenario: ScenarioInput }) {
  // Printed only: built in its own later task, not in the one that shows the first results
  // (walking the scenario against the schema takes a while).
  return (
    <Later>
      <AssumptionRows scenario={props.scenario} />
    </Later>
  );
}

function AssumptionRows(props: { scenario: ScenarioInput }) {
  // The same scenario object for every partial summary of a run: keep the rows (and their DOM)
  // instead of rebuilding the whole table on each one.
  const scenario = createMemo(() => props.scenario);
  const rows = createMemo(() => assumptions(scenario()));
  return (
    <section class="print-only print-assumptions">
      <h2>{t('assumptionsTitle')}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t('assumption')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('source')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <td>
                  {paramLabel(r.path, scenario(), lang()).label}
                  <br />
                  <code class="muted small">{r.path}</code>
                </td>
                <td>{r.value}</td>
                <td>
                  {r.illustrative ? `[${t('illustrative')}] ` : ''}
                  {r.source ?? '–'}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
