import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { lang, textOf } from '../i18n';
import { euroMln, num, pct } from '../format';
import { fieldLabel } from '../editor/labels';
import { formatInputNumber, numberProblemText, parseLocalNumber, retypeNumbers } from '../editor/numbers';
import { partyLabelIn } from '../parties';
import { OKABE_ITO } from '../colors';
import { svgWidth } from '../charts/svgWidth';
import { niceTicks, tickCount } from '../charts/ticks';
import type { Design, DesignPoint } from '../../models/analysis/designSearch';
import { DESIGN_TERMS, onGrid as onGridOf, signingParties, type Acceptance, type DesignTerm, type TermRange } from '../../models/analysis/designTerms';
import type { Party } from '../../models/core/names';
import { designWorker, type DesignWorker } from '../../workers/designPool';
import type { StoredRuns } from '../../workers/designApi';
import { tx } from './designTexts';
import { issueText } from '../texts/issues';
import { setDesignProposal } from './designProposal';
import { runsOf } from './runsOf';

/** Runs the designer simulates: its variants' differences are in the settlement, so fewer runs than a full run do. */
const DESIGN_RUNS = 1000;
/** Values per term on the first grid: 7 for one or two terms (refined along the boundary), fewer for three (5³) or four (4⁴). */
const stepsFor = (k: number) => (k <= 2 ? 7 : k === 3 ? 5 : 4);
const MAX_TERMS = 4;
/** What the panel lets one search ask for: 10⁴ variants of four terms at most, and runs enough for a 5% tail yet within a meeting's patience. */
const LEVELS = { min: 2, max: 10 };
const RUNS = { min: 100, max: 10_000 };

type Contract = { id: string; name: string; kind: string } & Record<string, unknown>;

/** Whether contract `c` has the term at `path` to vary; coverage always (absent it is 100%). */
const has = (c: Record<string, unknown>, path: string) =>
  path === 'coverage' ||
  path.split('.').every((k, i, a) => {
    let o: unknown = c;
    for (const x of a.slice(0, i + 1)) o = o && typeof o === 'object' ? (o as Record<string, unknown>)[x] : undefined;
    return o !== undefined;
  });
const termLabel = (path: string) => {
  const keys = path.split('.');
  const last = keys[keys.length - 1] === 'fixed' ? keys[keys.length - 2] : keys[keys.length - 1];
  return keys[0] === 'corridor' || keys[0] === 'stopLoss' ? `${fieldLabel(keys[0], lang())}: ${fieldLabel(last, lang())}` : fieldLabel(last, lang());
};
const termValue = (d: DesignTerm | undefined, v: number) => (d?.unit === 'euro' ? `€ ${num(v, 0)}` : pct(v, v !== 0 && Math.abs(v) < 0.1 ? 1 : 0));

/**
 * "Welk contract kan iedereen tekenen?": one contract's terms searched for what every party can
 * accept, in its own worker (Stop terminates it), shown as a map of the acceptable region, the
 * frontier of the parties' gains and the proposal, which one click adds as a new contract.
 */
export function DesignPanel(props: { input: unknown; onAdd?: (contract: Record<string, unknown>) => string; stored?: (input: unknown, runs: number) => Promise<StoredRuns | null> }) {
  const contracts = createMemo(() => {
    const models = ((props.input as { financing?: { models?: Contract[] } })?.financing?.models ?? []) as Contract[];
    return models.filter((m) => (DESIGN_TERMS[m.kind] ?? []).some((t) => has(m, t.path)));
  });
  const [contractId, setContractId] = createSignal(contracts()[0]?.id ?? '');
  const contract = () => contracts().find((c) => c.id === contractId()) ?? contracts()[0];
  const terms = () => (contract() ? (DESIGN_TERMS[contract()!.kind] ?? []).filter((t) => has(contract()!, t.path)) : []);
  const [chosen, setChosen] = createSignal<string[]>([]);
  const chosenTerms = () => {
    const c = chosen().filter((p) => terms().some((t) => t.path === p));
    return c.length
      ? c
      : terms()
          .slice(0, Math.min(2, terms().length))
          .map((t) => t.path);
  };
  const [ranges, setRanges] = createSignal<Record<string, { lo: string; hi: string }>>({});
  const rangeText = (t: DesignTerm) =>
    ranges()[t.path] ?? { lo: formatInputNumber(t.lo, lang(), { percent: t.unit === 'share' }), hi: formatInputNumber(t.hi, lang(), { percent: t.unit === 'share' }) };
  const [limits, setLimits] = createSignal<Record<string, { min: string; worse: string; es: string }>>({});
  const [esUnit, setEsUnit] = createSignal<'euro' | 'revenue'>('euro');
  const [esOver, setEsOver] = createSignal<'horizon' | 'year'>('horizon');
  const parties = () => (contract() ? signingParties(contract()!.kind) : []);
  /** Typed levels per term and runs; untouched they follow the number of terms and the scenario. */
  const [levelsTyped, setLevelsTyped] = createSignal<string | null>(null);
  const [runsTyped, setRunsTyped] = createSignal<string | null>(null);
  const levelsText = () => levelsTyped() ?? String(stepsFor(chosenTerms().length));
  // The scenario's runs up to 1,000, but never below the least the field accepts (a quick look at 20 runs must not refuse its own default).
  const runsText = () => runsTyped() ?? formatInputNumber(Math.max(RUNS.min, runsOf(props.input, DESIGN_RUNS)), lang());
  const limitText = (p: Party) => limits()[p] ?? { min: '0', worse: '50', es: '' };
  // What was typed is rewritten in the new language's notation when the language changes, as in the
  // value-of-information panel. (Not deferred: `on` hands a deferred effect no previous language.)
  createEffect(
    on(lang, (l, prev) => {
      if (!prev || prev === l) return;
      const re = (text: string, percent = false) => retypeNumbers(text, prev, l, { percent });
      const isShare = (path: string) => Object.values(DESIGN_TERMS).some((ts) => ts.some((t) => t.path === path && t.unit === 'share'));
      setRanges((r) => Object.fromEntries(Object.entries(r).map(([path, x]) => [path, { lo: re(x.lo, isShare(path)), hi: re(x.hi, isShare(path)) }])));
      setLimits((m) => Object.fromEntries(Object.entries(m).map(([p, x]) => [p, { min: re(x.min), worse: re(x.worse), es: re(x.es) }])));
      setLevelsTyped((s) => (s === null ? null : re(s)));
      setRunsTyped((s) => (s === null ? null : re(s)));
    }),
  );

  const [status, setStatus] = createSignal<'idle' | 'running' | 'done' | 'cancelled' | 'error'>('idle');
  const [progress, setProgress] = createSignal<{ d: number; p: number } | null>(null);
  /** The runs of the search under way, for its status line. */
  const [running, setRunning] = createSignal(0);
  const [message, setMessage] = createSignal<string | null>(null);
  const [design, setDesign] = createSignal<Design | null>(null);
  const [added, setAdded] = createSignal<string | null>(null);
  /** The scenario the shown search was made for: once the scenario is run again the result stays (its proposal may just have been added) but says it belongs to the earlier run. */
  const [searchedFor, setSearchedFor] = createSignal<unknown>(undefined);
  let worker: DesignWorker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  onCleanup(() => (stop(), setDesignProposal(null)));

  const esHeader = () => tx(esUnit() === 'revenue' ? (esOver() === 'year' ? 'maxEsPctYear' : 'maxEsPct') : esOver() === 'year' ? 'maxEsYear' : 'maxEs');

  /** The form as the engine's ranges and limits, or the first problem, named by its field. */
  const form = (): { terms: TermRange[]; accept: Acceptance[]; steps: number; runs: number } | { problem: string } => {
    const whole = (text: string, name: string, lim: { min: number; max: number }): number | { problem: string } => {
      const v = parseLocalNumber(text, lang());
      if (!v.ok) return { problem: tx('badNumber', { f: name, m: numberProblemText(v.reason, lang()) }) };
      if (!Number.isInteger(v.value) || v.value < lim.min || v.value > lim.max) return { problem: tx('badWhole', { f: name, lo: num(lim.min), hi: num(lim.max) }) };
      return v.value;
    };
    const steps = whole(levelsText(), tx('levels'), LEVELS);
    if (typeof steps !== 'number') return steps;
    const runs = whole(runsText(), tx('runs'), RUNS);
    if (typeof runs !== 'number') return runs;
    const out: TermRange[] = [];
    for (const path of chosenTerms()) {
      const t = terms().find((x) => x.path === path)!;
      const r = rangeText(t);
      const lo = parseLocalNumber(r.lo, lang(), { percent: t.unit === 'share' });
      const hi = parseLocalNumber(r.hi, lang(), { percent: t.unit === 'share' });
      if (!lo.ok) return { problem: tx('badNumber', { f: `${termLabel(path)} (${tx('from')})`, m: numberProblemText(lo.reason, lang(), { percent: t.unit === 'share' }) }) };
      if (!hi.ok) return { problem: tx('badNumber', { f: `${termLabel(path)} (${tx('to')})`, m: numberProblemText(hi.reason, lang(), { percent: t.unit === 'share' }) }) };
      if (!(lo.value < hi.value)) return { problem: tx('rangeOrder', { f: termLabel(path) }) };
      out.push({ path, lo: lo.value, hi: hi.value });
    }
    const accept: Acceptance[] = [];
    for (const p of parties()) {
      const l = limitText(p);
      const name = partyLabelIn(p, lang());
      const min = parseLocalNumber(l.min, lang());
      const worse = parseLocalNumber(l.worse, lang());
      const es = l.es.trim() === '' ? null : parseLocalNumber(l.es, lang());
      if (!min.ok) return { problem: tx('badNumber', { f: `${name}: ${tx('minGain')}`, m: numberProblemText(min.reason, lang()) }) };
      if (!worse.ok || worse.value < 0 || worse.value > 100) return { problem: tx('badNumber', { f: `${name}: ${tx('maxWorse')}`, m: worse.ok ? '0–100' : numberProblemText(worse.reason, lang()) }) };
      if (es && !es.ok) return { problem: tx('badNumber', { f: `${name}: ${esHeader()}`, m: numberProblemText(es.reason, lang()) }) };
      accept.push({
        party: p,
        minMeanGain: min.value * 1e6,
        maxPWorse: worse.value / 100,
        ...(es && es.ok ? { maxEs: esUnit() === 'revenue' ? es.value / 100 : es.value * 1e6, esUnit: esUnit(), esOver: esOver() } : {}),
      });
    }
    return { terms: out, accept, steps, runs };
  };

  const run = async () => {
    const f = form();
    if ('problem' in f) {
      setMessage(f.problem);
      setStatus('error');
      return;
    }
    setDesign(null);
    setDesignProposal(null);
    setAdded(null);
    setMessage(null);
    setStatus('running');
    setProgress(null);
    // One worker for the panel's searches; Stop terminates it and the next search starts another.
    const w = (worker ??= designWorker());
    setRunning(f.runs);
    try {
      const input = props.input;
      const r = await w.design(
        input,
        contract()!.id,
        f.terms,
        f.accept,
        { runs: f.runs, steps: f.steps },
        (d: number, p: number) => setProgress({ d, p }),
        props.stored && ((n) => props.stored!(input, n)),
      );
      if (worker !== w) return;
      if (r.ok) {
        setSearchedFor(props.input);
        setDesign(r.design);
        setDesignProposal({ for: props.input, contractName: contract()!.name, design: r.design });
        setStatus('done');
      } else {
        // The worker's issues are worded in the interface language; its message is the English fallback.
        const m = r.issues?.length ? r.issues.map((i) => (i.path ? `${i.path}: ` : '') + issueText(i, lang())).join('; ') : r.message;
        setMessage(tx('failed', { m }));
        setStatus('error');
      }
    } catch (e) {
      if (worker !== w) return;
      setMessage(tx('failed', { m: e instanceof Error ? e.message : String(e) }));
      setStatus('error');
      stop(); // a worker that died is not used again
    }
  };

  const termsText = (p: DesignPoint) =>
    Object.entries(p.terms)
      .map(
        ([path, v]) =>
          `${termLabel(path)} ${termValue(
            terms().find((t) => t.path === path),
            v,
          )}`,
      )
      .join(', ');

  const addProposal = (p: DesignPoint) => {
    const c = structuredClone(contract()!) as Record<string, unknown>;
    for (const [path, v] of Object.entries(p.terms)) {
      const keys = path.split('.');
      let o = c;
      for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
      o[keys[keys.length - 1]] = v;
    }
    const name = tx('proposalName', { n: textOf(contract()!.name) });
    c.name = name;
    const ids = new Set(((props.input as { financing?: { models?: Contract[] } })?.financing?.models ?? []).map((m) => m.id));
    let id = `${contract()!.id}-voorstel`;
    for (let i = 2; ids.has(id); i++) id = `${contract()!.id}-voorstel-${i}`;
    c.id = id;
    props.onAdd?.(c);
    // Now a contract of its own: the financing table shows it as one after the next run.
    setDesignProposal(null);
    setAdded(tx('added', { n: name }));
  };

  return (
    <section class="card design-panel" aria-labelledby="design-title" data-testid="design-panel">
      <h3 id="design-title" data-testid="design-form-top">
        {tx('title')}
      </h3>
      <p class="muted small">{tx('intro')}</p>
      <Show when={contracts().length > 0} fallback={<p>{tx('noContracts')}</p>}>
        <div class="design-form">
          <label class="field">
            <span>{tx('contract')}</span>
            <select data-testid="design-contract" value={contract()?.id} onChange={(e) => (setContractId(e.currentTarget.value), setChosen([]), setRanges({}))}>
              <For each={contracts()}>{(c) => <option value={c.id}>{textOf(c.name)}</option>}</For>
            </select>
          </label>
          <For each={Array.from({ length: MAX_TERMS }, (_, i) => i)}>
            {(i) => (
              <Show when={i <= chosenTerms().length && i < terms().length}>
                <div class="design-term">
                  <label class="field">
                    <span>{tx('term', { i: i + 1 })}</span>
                    <select
                      data-testid={`design-term-${i}`}
                      value={chosenTerms()[i] ?? ''}
                      onChange={(e) => {
                        const c = chosenTerms().slice();
                        if (e.currentTarget.value) c[i] = e.currentTarget.value;
                        else c.splice(i, 1);
                        setChosen([...new Set(c.filter(Boolean))]);
                      }}
                    >
                      <Show when={i > 0}>
                        <option value="">{tx('none')}</option>
                      </Show>
                      <For each={terms()}>{(t) => <option value={t.path}>{termLabel(t.path)}</option>}</For>
                    </select>
                  </label>
                  <Show when={terms().find((t) => t.path === chosenTerms()[i])}>
                    {(t) => (
                      <>
                        <label class="field narrow">
                          <span>{tx('from')}</span>
                          <input
                            type="text"
                            inputmode="decimal"
                            data-testid={`design-lo-${i}`}
                            value={rangeText(t()).lo}
                            onInput={(e) => setRanges({ ...ranges(), [t().path]: { ...rangeText(t()), lo: e.currentTarget.value } })}
                          />
                        </label>
                        <label class="field narrow">
                          <span>{tx('to')}</span>
                          <input
                            type="text"
                            inputmode="decimal"
                            data-testid={`design-hi-${i}`}
                            value={rangeText(t()).hi}
                            onInput={(e) => setRanges({ ...ranges(), [t().path]: { ...rangeText(t()), hi: e.currentTarget.value } })}
                          />
                        </label>
                      </>
                    )}
                  </Show>
                </div>
              </Show>
            )}
          </For>
          <div class="design-es">
            <label class="field narrow">
              <span>{tx('levels')}</span>
              <input type="text" inputmode="numeric" data-testid="design-levels" value={levelsText()} onInput={(e) => setLevelsTyped(e.currentTarget.value)} />
            </label>
            <label class="field narrow">
              <span>{tx('runs')}</span>
              <input type="text" inputmode="numeric" data-testid="design-runs" value={runsText()} onInput={(e) => setRunsTyped(e.currentTarget.value)} />
            </label>
          </div>
          <div class="design-es">
            <label class="field">
              <span>{tx('esUnit')}</span>
              <select data-testid="design-es-unit" value={esUnit()} onChange={(e) => setEsUnit(e.currentTarget.value as 'euro' | 'revenue')}>
                <option value="euro">{tx('esUnitEuro')}</option>
                <option value="revenue">{tx('esUnitRevenue')}</option>
              </select>
            </label>
            <label class="field">
              <span>{tx('esOver')}</span>
              <select data-testid="design-es-over" value={esOver()} onChange={(e) => setEsOver(e.currentTarget.value as 'horizon' | 'year')}>
                <option value="horizon">{tx('esOverHorizon')}</option>
                <option value="year">{tx('esOverYear')}</option>
              </select>
            </label>
          </div>
          <table class="data design-limits">
            <caption>{tx('limits')}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('party')}</th>
                <th scope="col">{tx('minGain')}</th>
                <th scope="col">{tx('maxWorse')}</th>
                <th scope="col">{esHeader()}</th>
              </tr>
            </thead>
            <tbody>
              <For each={parties()}>
                {(p) => (
                  <tr>
                    <th scope="row">{partyLabelIn(p, lang())}</th>
                    <For each={['min', 'worse', 'es'] as const}>
                      {(k) => (
                        <td>
                          <input
                            type="text"
                            inputmode="decimal"
                            aria-label={`${partyLabelIn(p, lang())}: ${k === 'min' ? tx('minGain') : k === 'worse' ? tx('maxWorse') : esHeader()}`}
                            data-testid={`design-limit-${p}-${k}`}
                            value={limitText(p)[k]}
                            onInput={(e) => setLimits({ ...limits(), [p]: { ...limitText(p), [k]: e.currentTarget.value } })}
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p>
            <button type="button" data-testid="design-run" disabled={status() === 'running'} onClick={() => void run()}>
              {tx('run')}
            </button>{' '}
            <Show when={status() === 'running'}>
              <button type="button" data-testid="design-cancel" onClick={() => (stop(), setStatus('cancelled'))}>
                {tx('cancel')}
              </button>{' '}
              <span role="status" data-testid="design-progress">
                {progress() ? tx('progress', { d: progress()!.d, p: progress()!.p }) : tx('simulating', { n: num(running()) })}
              </span>
            </Show>
            <Show when={status() === 'cancelled'}>
              <span role="status" data-testid="design-cancelled">
                {tx('cancelled')}
              </span>
            </Show>
          </p>
          <Show when={message()}>
            <p class="field-error" role="alert" data-testid="design-message">
              {message()}
            </p>
          </Show>
        </div>
      </Show>
      <Show when={design() && searchedFor() !== props.input}>
        <p class="stale" role="status" data-testid="design-stale">
          {tx('stale')}
        </p>
      </Show>
      <Show when={design()}>{(d) => <DesignResult d={d()} termsText={termsText} terms={terms()} onAdd={props.onAdd ? addProposal : undefined} added={added()} />}</Show>
    </section>
  );
}

function DesignResult(props: { d: Design; terms: DesignTerm[]; termsText: (p: DesignPoint) => string; onAdd?: (p: DesignPoint) => void; added: string | null }) {
  const d = () => props.d;
  const ok = () => d().points.filter((p) => p.acceptable).length;
  const signers = () => d().accept.map((a) => a.party);
  const proposal = () => d().nash ?? d().equalShares;
  const bindText = (b: Design['binding'][number]) => {
    const a = d().accept.find((x) => x.party === b.party)!;
    const p = partyLabelIn(b.party, lang());
    if (b.limit === 'minMeanGain') return tx('bindGain', { p, v: euroMln(a.minMeanGain), b: euroMln(b.by) });
    if (b.limit === 'maxPWorse') return tx('bindWorse', { p, v: pct(a.maxPWorse, 0), b: pct(b.by, 1) });
    const f = (x: number) => (a.esUnit === 'revenue' ? tx('ofRevenue', { v: pct(x, 2) }) : euroMln(x));
    return tx(a.esOver === 'year' ? 'bindEsYear' : 'bindEs', { p, v: f(a.maxEs ?? 0), b: f(b.by) });
  };
  const breakCounts = () => {
    const m = new Map<string, { party: Design['binding'][number]['party']; limit: Design['binding'][number]['limit']; k: number }>();
    for (const p of d().points)
      for (const b of p.breaks) {
        const key = `${b.party}|${b.limit}`;
        const c = m.get(key) ?? { party: b.party, limit: b.limit, k: 0 };
        c.k++;
        m.set(key, c);
      }
    return [...m.values()].sort((a, b) => b.k - a.k);
  };
  const limitName = (party: string, limit: Design['binding'][number]['limit']) => {
    if (limit === 'minMeanGain') return tx('limGain');
    if (limit === 'maxPWorse') return tx('limWorse');
    const a = d().accept.find((x) => x.party === party);
    return `${tx(a?.esOver === 'year' ? 'limEsYear' : 'limEs')}${a?.esUnit === 'revenue' ? ` (${tx('limRevenue')})` : ''}`;
  };
  const row = (label: string, i: number | null, testid: string) => (
    <Show when={i !== null}>
      <tr data-testid={testid}>
        <th scope="row">{label}</th>
        <td>{props.termsText(d().points[i!])}</td>
        <For each={signers()}>
          {(p) => {
            const o = d().points[i!].outcome[p]!;
            return (
              <td class="num" data-party={p}>
                {tx('gainCell', { g: euroMln(o.gain), e: euroMln(o.gainMcse), w: pct(o.pWorse, 0) })}
              </td>
            );
          }}
        </For>
      </tr>
    </Show>
  );
  return (
    <div class="design-result" data-testid="design-result">
      <p class="small" data-testid="design-care">
        {tx(d().resimulated ? 'resimulated' : 'sameCare', { n: num(d().runs) })}
      </p>
      <p data-testid="design-found">
        <strong>{tx('found', { k: ok(), n: d().points.length })}</strong>
      </p>
      <Show when={ok() === 0}>
        <p>{tx('empty')}</p>
        <ul data-testid="design-binding">
          <For each={d().binding}>{(b) => <li>{bindText(b)}</li>}</For>
          <Show when={d().binding.length === 0}>
            {/* No one limit fails everywhere: say how often each limit is broken. */}
            <li>{tx('noSingleBind')}</li>
            <For each={breakCounts()}>{(c) => <li>{tx('breakCount', { p: partyLabelIn(c.party, lang()), l: limitName(c.party, c.limit), k: num(c.k), n: num(d().points.length) })}</li>}</For>
          </Show>
        </ul>
      </Show>
      <Show when={ok() > 0 && d().nash === null}>
        <p class="small">{tx('noNash')}</p>
      </Show>
      <Show when={ok() > 0}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{tx('tableTerms')}</th>
              <For each={signers()}>{(p) => <th scope="col">{partyLabelIn(p, lang())}</th>}</For>
            </tr>
          </thead>
          <tbody>
            {row(tx('rowNash'), d().nash, 'design-nash')}
            {row(tx('rowEqual'), d().equalShares !== d().nash ? d().equalShares : null, 'design-equal')}
          </tbody>
        </table>
        <Show when={props.onAdd && proposal() !== null}>
          <p>
            <button type="button" data-testid="design-add" onClick={() => props.onAdd!(d().points[proposal()!])}>
              {tx('add')}
            </button>{' '}
            <Show when={props.added}>
              <span role="status" data-testid="design-added">
                {props.added}
              </span>
            </Show>
          </p>
        </Show>
      </Show>
      <Show when={d().terms.length === 2}>
        <DesignMap d={d()} terms={props.terms} />
      </Show>
      <Show when={d().terms.length > 2}>
        <SlicedMap d={d()} terms={props.terms} />
      </Show>
      <Frontier d={d()} />
    </div>
  );
}

/**
 * Three or four terms: the map of two chosen terms, the others held at one of their grid values
 * (the proposal's by default, or the proposal's own value when it is a refined point between two);
 * the view says which. The slice shows the grid's cells and the refined points between them along
 * the map's two terms; a point refined along a held term lies between two slices.
 */
function SlicedMap(props: { d: Design; terms: DesignTerm[] }) {
  const paths = () => props.d.terms.map((t) => t.path);
  const [axes, setAxes] = createSignal<[string, string]>([paths()[0], paths()[1]]);
  const [held, setHeld] = createSignal<Record<string, number>>({});
  const proposal = () => props.d.nash ?? props.d.equalShares;
  const termOf = (path: string) => props.d.terms.find((t) => t.path === path)!;
  const levels = (path: string) =>
    [...new Set(props.d.points.map((p) => p.terms[path]))]
      .filter((v) => onGridOf(v, termOf(path), props.d.steps) || (proposal() !== null && props.d.points[proposal()!].terms[path] === v))
      .sort((a, b) => a - b);
  const others = () => paths().filter((p) => !axes().includes(p));
  const heldAt = (path: string) => held()[path] ?? (proposal() !== null ? props.d.points[proposal()!].terms[path] : levels(path)[0]);
  const def = (p: string) => props.terms.find((t) => t.path === p);
  const view = createMemo((): Design => {
    const keep = props.d.points.map((p, i) => ({ p, i })).filter(({ p }) => others().every((o) => p.terms[o] === heldAt(o)));
    const at = (i: number | null) => {
      const k = keep.findIndex((x) => x.i === i);
      return k >= 0 ? k : null;
    };
    const [x, y] = axes().map((a) => props.d.terms.find((t) => t.path === a)!);
    return { ...props.d, terms: [x, y], points: keep.map((x) => x.p), nash: at(props.d.nash), equalShares: at(props.d.equalShares), pareto: [] };
  });
  const setAxis = (k: 0 | 1, v: string) => {
    const a = axes().slice() as [string, string];
    if (a[1 - k] === v) a[1 - k] = a[k];
    a[k] = v;
    setAxes(a);
  };
  return (
    <div class="design-slice" data-testid="design-slice">
      <div class="design-term">
        <For each={[0, 1] as const}>
          {(k) => (
            <label class="field">
              <span>{tx(k === 0 ? 'mapX' : 'mapY')}</span>
              <select data-testid={`design-map-axis-${k}`} value={axes()[k]} onChange={(e) => setAxis(k, e.currentTarget.value)}>
                <For each={paths()}>{(p) => <option value={p}>{termLabel(p)}</option>}</For>
              </select>
            </label>
          )}
        </For>
        <For each={others()}>
          {(o) => (
            <label class="field">
              <span>{tx('mapHeld', { t: termLabel(o) })}</span>
              <select data-testid={`design-map-held-${paths().indexOf(o)}`} value={String(heldAt(o))} onChange={(e) => setHeld({ ...held(), [o]: Number(e.currentTarget.value) })}>
                <For each={levels(o)}>
                  {(v) => (
                    <option value={String(v)}>
                      {termValue(def(o), v)}
                      {proposal() !== null && props.d.points[proposal()!].terms[o] === v ? ` (${tx('rowNash').toLowerCase()})` : ''}
                    </option>
                  )}
                </For>
              </select>
            </label>
          )}
        </For>
      </div>
      <p class="small" data-testid="design-slice-note">
        {tx('mapSlice', {
          x: termLabel(axes()[0]),
          y: termLabel(axes()[1]),
          h: others()
            .map((o) => `${termLabel(o)} ${termValue(def(o), heldAt(o))}`)
            .join(', '),
        })}
      </p>
      <Show when={view().points.length > 0 && view().points.every((p) => !p.acceptable)}>
        <p class="small" role="status" data-testid="design-slice-empty">
          {tx('mapSliceEmpty', {
            h: others()
              .map((o) => `${termLabel(o)} ${termValue(def(o), heldAt(o))}`)
              .join(', '),
          })}
        </p>
      </Show>
      <DesignMap d={view()} terms={props.terms} all={props.d.terms} />
    </div>
  );
}

/** The two terms as a map: every variant a cell, the acceptable ones green, the proposals marked. */
function DesignMap(props: { d: Design; terms: DesignTerm[]; all?: TermRange[] }) {
  const { ref, W, viewBox } = svgWidth(520);
  const H = 310;
  const m = { l: 64, r: 28, t: 26, b: 44 };
  const [tx0, ty0] = props.d.terms;
  const def = (p: string) => props.terms.find((t) => t.path === p);
  const sx = (v: number) => m.l + ((v - tx0.lo) / (tx0.hi - tx0.lo)) * (W() - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - ty0.lo) / (ty0.hi - ty0.lo)) * (H - m.t - m.b);
  // A first-grid cell spans half-way to its neighbours; a refined point (half-way between two)
  // is drawn half that size on top, so the boundary shows at twice the resolution.
  const onGrid = (v: number, t: TermRange) => onGridOf(v, t, props.d.steps);
  const cell = (p: DesignPoint) => {
    const x = p.terms[tx0.path];
    const y = p.terms[ty0.path];
    const f = onGrid(x, tx0) && onGrid(y, ty0) ? 0.5 : 0.25;
    const hx = (f * (tx0.hi - tx0.lo)) / (props.d.steps - 1);
    const hy = (f * (ty0.hi - ty0.lo)) / (props.d.steps - 1);
    const x0 = sx(Math.max(tx0.lo, x - hx));
    const y0 = sy(Math.min(ty0.hi, y + hy));
    return { x: x0, y: y0, w: Math.max(1, sx(Math.min(tx0.hi, x + hx)) - x0), h: Math.max(1, sy(Math.max(ty0.lo, y - hy)) - y0) };
  };
  // Each cell worked out once per result (and per width), first-grid cells first.
  const ordered = createMemo(() =>
    [...props.d.points]
      .sort((a, b) => Number(onGrid(b.terms[tx0.path], tx0) && onGrid(b.terms[ty0.path], ty0)) - Number(onGrid(a.terms[tx0.path], tx0) && onGrid(a.terms[ty0.path], ty0)))
      // A refined point: off the grid in any term, also one held beside the map (`all`: every term of the search).
      .map((p) => ({ ...cell(p), ok: p.acceptable, refined: !(props.all ?? props.d.terms).every((t) => onGrid(p.terms[t.path], t)) })),
  );
  return (
    <figure class="chart-figure" data-testid="design-map" data-points={props.d.points.length}>
      <figcaption>
        <strong>{tx('mapTitle')}</strong>
      </figcaption>
      <svg ref={ref} viewBox={viewBox(H)} width="100%" height={H} role="img" aria-label={tx('mapTitle')}>
        {/* first-grid cells first, refined cells drawn over them */}
        <For each={ordered()}>
          {(c) => (
            <rect
              x={c.x}
              y={c.y}
              width={c.w}
              height={c.h}
              fill={c.ok ? OKABE_ITO.bluishGreen : '#d9d9d9'}
              stroke={c.refined ? '#333' : '#fff'}
              stroke-width="1"
              data-refined={c.refined ? '' : undefined}
            />
          )}
        </For>
        <For
          each={[
            { i: props.d.nash, t: 'N' },
            { i: props.d.equalShares !== props.d.nash ? props.d.equalShares : null, t: lang() === 'nl' ? 'G' : 'E' },
          ]}
        >
          {(k) => (
            <Show when={k.i !== null}>
              <text x={sx(props.d.points[k.i!].terms[tx0.path])} y={sy(props.d.points[k.i!].terms[ty0.path]) + 5} text-anchor="middle" font-size="14" font-weight="700" fill="#000">
                {k.t}
              </text>
            </Show>
          )}
        </For>
        <For each={niceTicks(tx0.lo, tx0.hi, tickCount(W() - m.l - m.r, 70))}>
          {(v) => (
            <text x={sx(v)} y={H - m.b + 16} text-anchor="middle" font-size="12">
              {termValue(def(tx0.path), v)}
            </text>
          )}
        </For>
        <For each={niceTicks(ty0.lo, ty0.hi, tickCount(H - m.t - m.b, 40))}>
          {(v) => (
            <text x={m.l - 6} y={sy(v) + 4} text-anchor="end" font-size="12">
              {termValue(def(ty0.path), v)}
            </text>
          )}
        </For>
        <text x={(m.l + W() - m.r) / 2} y={H - 6} text-anchor="middle" font-size="13">
          {termLabel(tx0.path)}
        </text>
        {/* The vertical axis's name above it, level: a term's name is too long to stand on its side. */}
        <text x={8} y={14} font-size="13">
          ↑ {termLabel(ty0.path)}
        </text>
      </svg>
      <p class="muted small">{tx('mapCaption')}</p>
    </figure>
  );
}

/** The insurer's gain against the providers' together: every variant a point, the Pareto frontier a line. */
function Frontier(props: { d: Design }) {
  const { ref, W, viewBox } = svgWidth(520);
  const H = 290;
  const m = { l: 64, r: 28, t: 26, b: 44 };
  const providers = (p: DesignPoint) => Object.entries(p.outcome).reduce((s, [k, o]) => (k === 'insurer' ? s : s + o!.gain), 0);
  // Worked out once per result: every point's position reads the ranges, and a search has hundreds of points.
  const pts = createMemo(() => props.d.points.map((p) => ({ x: p.outcome.insurer?.gain ?? 0, y: providers(p), ok: p.acceptable })));
  const ext = (vals: number[]) => {
    let lo = 0;
    let hi = 0;
    for (const v of vals) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    const pad = (hi - lo) * 0.06 || 1;
    return [lo - pad, hi + pad];
  };
  const xr = createMemo(() => ext(pts().map((p) => p.x)));
  const yr = createMemo(() => ext(pts().map((p) => p.y)));
  const sx = (v: number) => m.l + ((v - xr()[0]) / (xr()[1] - xr()[0])) * (W() - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - yr()[0]) / (yr()[1] - yr()[0])) * (H - m.t - m.b);
  const frontier = () =>
    props.d.pareto
      .map((i) => pts()[i])
      .sort((a, b) => a.x - b.x)
      .map((p) => `${sx(p.x)},${sy(p.y)}`)
      .join(' ');
  return (
    <figure class="chart-figure" data-testid="design-frontier">
      <figcaption>
        <strong>{tx('frontierTitle')}</strong>
      </figcaption>
      <svg ref={ref} viewBox={viewBox(H)} width="100%" height={H} role="img" aria-label={tx('frontierTitle')}>
        <line x1={sx(0)} x2={sx(0)} y1={m.t} y2={H - m.b} stroke="#999" stroke-dasharray="3 3" />
        <line x1={m.l} x2={W() - m.r} y1={sy(0)} y2={sy(0)} stroke="#999" stroke-dasharray="3 3" />
        <Show when={props.d.pareto.length > 1}>
          <polyline points={frontier()} fill="none" stroke={OKABE_ITO.blue} stroke-width="2" />
        </Show>
        <For each={pts()}>{(p) => <circle cx={sx(p.x)} cy={sy(p.y)} r="4" fill={p.ok ? OKABE_ITO.bluishGreen : '#fff'} stroke={p.ok ? OKABE_ITO.bluishGreen : '#888'} stroke-width="1.5" />}</For>
        <Show when={props.d.nash !== null}>
          <text x={sx(pts()[props.d.nash!].x) + 7} y={sy(pts()[props.d.nash!].y) - 7} font-size="14" font-weight="700">
            N
          </text>
        </Show>
        <For each={niceTicks(xr()[0] / 1e6, xr()[1] / 1e6, tickCount(W() - m.l - m.r, 70))}>
          {(v) => (
            <text x={sx(v * 1e6)} y={H - m.b + 16} text-anchor="middle" font-size="12">
              {num(v, Math.abs(v) < 10 && v % 1 !== 0 ? 1 : 0)}
            </text>
          )}
        </For>
        <For each={niceTicks(yr()[0] / 1e6, yr()[1] / 1e6, tickCount(H - m.t - m.b, 40))}>
          {(v) => (
            <text x={m.l - 6} y={sy(v * 1e6) + 4} text-anchor="end" font-size="12">
              {num(v, Math.abs(v) < 10 && v % 1 !== 0 ? 1 : 0)}
            </text>
          )}
        </For>
        <text x={(m.l + W() - m.r) / 2} y={H - 6} text-anchor="middle" font-size="13">
          {tx('xInsurer')}
        </text>
        <text x={8} y={14} font-size="13">
          ↑ {tx('yProviders')}
        </text>
      </svg>
      <p class="muted small">{tx('frontierCaption')}</p>
    </figure>
  );
}
