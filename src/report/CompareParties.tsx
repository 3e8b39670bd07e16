import { createMemo, For, Show } from 'solid-js';
import type { SavedScenario } from '../workspace/store';
import { savedName } from '../workspace/savedName';
import { lang, textOf } from '../i18n';
import { num, pct, signed } from '../format';
import { financingOf, type FinancingLike } from '../charts/financeShape';
import { partyLabelIn } from '../parties';
import { paramLabel } from '../charts/paramLabel';
import { pathString } from '../workspace/paths';
import { inContract } from './partyTable';
import { paramValueText } from './assumptions';
import { scenarioDifferences } from './scenarioDiff';
import { rt } from './texts';
import type { LocalText } from '../../models/scenario/localText';

const mln = (x: number) => num(x / 1e6, 1);

/**
 * Who carries the risk in each compared scenario: per contract and party the change against the
 * status quo over the horizon, one column per scenario. Contracts are matched by their id.
 */
export function CompareParties(props: { items: SavedScenario[] }) {
  const fins = createMemo(() => props.items.map((s) => (s.result ? financingOf(s.result.summary) : null)));
  const rows = createMemo(() => {
    const out: { id: string; name: LocalText; parties: string[] }[] = [];
    fins().forEach((f: FinancingLike | null) => {
      if (!f) return;
      for (const m of f.models) {
        let row = out.find((r) => r.id === m.id);
        if (!row) out.push((row = { id: m.id, name: m.name, parties: [] }));
        for (const p of f.parties) if (inContract(m.horizon[p]) && !row.parties.includes(p)) row.parties.push(p);
      }
    });
    return out;
  });
  return (
    <Show when={rows().length > 0}>
      <div class="table-wrap compare-parties">
        <h3>{rt('cmpPartiesTitle')}</h3>
        <table class="data" data-testid="compare-parties">
          <thead>
            <tr>
              <th scope="col">{rt('sumContract')}</th>
              <For each={props.items}>{(s) => <th scope="col">{savedName(s)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <>
                  <tr class="compare-contract">
                    <th scope="colgroup" colSpan={props.items.length + 1}>
                      {textOf(r.name)}
                    </th>
                  </tr>
                  <For each={r.parties}>
                    {(p) => (
                      <tr data-model={r.id} data-party={p}>
                        <th scope="row">{partyLabelIn(p, lang())}</th>
                        <For each={fins()}>
                          {(f) => {
                            const x = f?.models.find((m) => m.id === r.id)?.horizon[p];
                            return inContract(x) ? (
                              <td classList={{ neg: x.changeVsStatusQuo.mean < 0 }} data-value={String(x.changeVsStatusQuo.mean)}>
                                {signed(x.changeVsStatusQuo.mean, mln)} <span class="sub">({rt('sumWorse', { p: pct(x.pWorseOff.p, 0) })})</span>
                              </td>
                            ) : (
                              <td class="absent">–</td>
                            );
                          }}
                        </For>
                      </tr>
                    )}
                  </For>
                </>
              )}
            </For>
          </tbody>
        </table>
        <p class="caption">{rt('cmpPartiesCaption')}</p>
      </div>
    </Show>
  );
}

/** Every assumption that differs between the compared scenarios, in readable words and the language's notation. */
export function WhatChanged(props: { items: SavedScenario[] }) {
  const diffs = createMemo(() => scenarioDifferences(props.items.map((s) => s.scenario)));
  const label = (path: (string | number)[]) => {
    const owner = props.items.find((s) => {
      let v: any = s.scenario;
      for (const k of path) v = v?.[k as any];
      return v !== undefined;
    });
    return paramLabel(pathString(path), owner?.scenario, lang()).label;
  };
  const keyOf = (path: (string | number)[]) => {
    const k = path[path.length - 1];
    return typeof k === 'number' ? path[path.length - 2] : k;
  };
  return (
    <div class="table-wrap what-changed">
      <h3>{rt('cmpChangedTitle')}</h3>
      <Show when={diffs().length > 0} fallback={<p data-testid="what-changed-none">{rt('cmpChangedNone')}</p>}>
        <p class="caption">{rt('cmpChangedIntro')}</p>
        <table class="data" data-testid="what-changed">
          <thead>
            <tr>
              <th scope="col">{rt('cmpAssumption')}</th>
              <For each={props.items}>{(s) => <th scope="col">{savedName(s)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={diffs()}>
              {(d) => (
                <tr data-path={pathString(d.path)}>
                  <th scope="row">{label(d.path)}</th>
                  <For each={d.values}>
                    {(v, i) => (
                      <td classList={{ changed: i() > 0 && JSON.stringify(v) !== JSON.stringify(d.values[0]) }}>
                        {i() > 0 ? '→ ' : ''}
                        {v === undefined ? '—' : paramValueText(v, lang(), keyOf(d.path))}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
