import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { lang } from '../i18n';
import { euro, num, pct } from '../format';
import { fieldLabel } from '../editor/labels';
import { parseLocalNumber } from '../editor/numbers';
import { DEFAULT_BANDS } from '../../models/region/select';
import type { ScenarioInput } from '../../models/scenario/schema';
import { regionWorker, type RegionWorker } from '../../workers/regionPool';
import { moved } from '../../workers/remote';
import type { RegionBuilt, RegionFileInfo, RegionProblem } from '../../workers/regionApi';
import { categoryName, tr, type RegionTextKey } from './texts';
import { localText } from '../../models/scenario/localText';
import { CATEGORIES, type Category } from '../../models/core/names';
import type { LineGroupRecord } from '../../models/scenario/regionImport';

/** The import record of a scenario made by an earlier import, read defensively from the unvalidated workspace value. */
function storedImport(base: unknown): { bands: string; segments: 'ageBands' | 'base' } | null {
  const m = (base as { region?: { import?: { bands?: unknown; segments?: unknown } } } | null)?.region?.import;
  if (!m || typeof m.bands !== 'string' || (m.segments !== 'ageBands' && m.segments !== 'base')) return null;
  return { bands: m.bands, segments: m.segments };
}

/** Most areas listed at once: a national file holds about 340 municipalities or 800 postcode-3 areas. */
const LISTED = 40;

/**
 * Builds a scenario from the Vektis open-data file a user downloaded: read in a worker with
 * progress, areas picked by search, the current scenario calibrated to them. Nothing changes in
 * the scenario or the workspace until "open as a new scenario"; then the current one is kept.
 */
export function RegionImport(props: { base: () => unknown; onScenario: (s: ScenarioInput, fileName: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [progress, setProgress] = createSignal<number | null>(null);
  const [info, setInfo] = createSignal<(RegionFileInfo & { fileName: string }) | null>(null);
  const [problem, setProblem] = createSignal<RegionProblem | null>(null);
  const [query, setQuery] = createSignal('');
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [yearText, setYearText] = createSignal('');
  const [bands, setBands] = createSignal(DEFAULT_BANDS);
  const [segMode, setSegMode] = createSignal<'ageBands' | 'base'>('ageBands');
  // The mapping from categories to care lines as edited in the result's table (empty groups kept, so
  // that a category can move back); null: the current scenario's own or the defaults.
  const [groupsEdit, setGroupsEdit] = createSignal<LineGroupRecord[] | null>(null);
  const [built, setBuilt] = createSignal<RegionBuilt | null>(null);
  // National rates for the age–sex standardised ratio, from a file of their own (sent again to each new worker).
  const [nationalFile, setNationalFile] = createSignal<File | null>(null);
  const [nationalState, setNationalState] = createSignal<{ classes: number } | RegionProblem | null>(null);
  const [busy, setBusy] = createSignal(false);
  let worker: RegionWorker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  onCleanup(stop);

  const close = () => {
    stop(); // a file still being read is dropped with its worker
    setOpen(false);
    setProgress(null);
    setBusy(false);
  };

  const year = createMemo(() => {
    const v = parseLocalNumber(yearText(), lang());
    return v.ok && Number.isInteger(v.value) && v.value >= 1990 && v.value <= 2100 ? v.value : null;
  });

  const readFile = async (f: File) => {
    stop();
    setInfo(null);
    setBuilt(null);
    setGroupsEdit(null);
    setProblem(null);
    setChosen([]);
    setProgress(0);
    const w = (worker = regionWorker());
    try {
      const bytes = await f.arrayBuffer();
      const r = await w.read(moved(bytes), f.name, (s) => setProgress(s));
      if (worker !== w) return;
      if (!r.ok) setProblem(r.problem);
      else {
        setInfo({ ...r.info, fileName: f.name });
        setYearText(r.info.year === null ? '' : String(r.info.year));
      }
    } catch (e) {
      console.warn('region import:', e);
      if (worker === w) setProblem({ code: 'read', message: 'crashed' });
      stop();
    } finally {
      if (worker === w || worker === null) setProgress(null);
    }
  };

  /** Reads the national rates in worker `w`; false (and the problem shown) when the file is refused. */
  const sendNational = async (w: RegionWorker, f: File) => {
    const r = await w.readNational(moved(await f.arrayBuffer()));
    setNationalState(r.ok ? { classes: r.classes } : r.problem);
    return r.ok;
  };
  const chooseNational = (f: File) => {
    setBuilt(null);
    setNationalFile(f);
    setNationalState(null);
    if (worker) void sendNational(worker, f).catch(() => setNationalState({ code: 'read', message: 'crashed' }));
  };

  /** `keep`: the result stays in view while it is built again (a changed mapping). */
  const build = async (keep = false) => {
    const w = worker;
    const y = year();
    if (!w || y === null || chosen().length === 0) return;
    setBusy(true);
    setProblem(null);
    if (!keep) setBuilt(null);
    try {
      const nf = nationalFile();
      if (nf && !(await sendNational(w, nf))) return;
      const edited = groupsEdit()?.filter((g) => g.categories.length > 0);
      const r = await w.build(chosen(), bands(), y, props.base(), segMode(), edited);
      if (!r.ok) setProblem(r.problem);
      else {
        setBuilt(r.built);
        if (!groupsEdit()) setGroupsEdit(r.built.mapping);
      }
    } catch {
      setProblem({ code: 'read', message: 'crashed' });
    } finally {
      setBusy(false);
    }
  };

  const matches = createMemo(() => {
    const all = info()?.areas ?? [];
    const q = query().trim().toLowerCase();
    return q ? all.filter((a) => a.area.toLowerCase().includes(q)) : all;
  });
  const toggle = (area: string, on: boolean) => {
    setBuilt(null);
    setChosen((c) => (on ? [...c.filter((x) => x !== area), area] : c.filter((x) => x !== area)));
  };

  const problemText = (p: RegionProblem) => {
    const key = (p.message === 'crashed' ? 'crashed' : p.code) as RegionTextKey;
    return tr(key, { r: p.row ?? '', c: p.column ?? '' });
  };
  const lineNames = (lines: string[]) => lines.map((l) => fieldLabel(l, lang())).join(' + ');
  /** The mapping the result's table shows: as edited, or as the import made it. */
  const mapping = (b: RegionBuilt) => groupsEdit() ?? b.mapping;
  /** Moves category `c` to group `to` (-1: no care line) and builds again with that mapping. */
  const remap = (c: Category, to: number) => {
    const groups = (groupsEdit() ?? []).map((g, i) => ({ ...g, categories: [...g.categories.filter((x) => x !== c), ...(i === to ? [c] : [])] }));
    setGroupsEdit(groups);
    void build(true);
  };
  const noteText = (n: RegionBuilt['notes'][number]) =>
    n.kind === 'correlations'
      ? tr('remapCorrelations', { n: n.count })
      : tr(n.kind === 'intervention' ? 'remapIntervention' : 'remapSubstitution', { id: n.id, s: n.segments.join(', '), f: num(n.factor, 3) });

  return (
    <>
      <button
        type="button"
        data-testid="region-import-open"
        onClick={() => {
          // A scenario made by an earlier import brings its bands and choice of segments.
          const stored = storedImport(props.base());
          if (stored) {
            setBands(stored.bands);
            setSegMode(stored.segments);
          }
          setOpen(true);
        }}
      >
        {tr('open')}
      </button>
      <Show when={open()}>
        <section class="region-import" role="dialog" aria-modal="false" aria-labelledby="region-import-title" data-testid="region-import">
          <h3 id="region-import-title">{tr('title')}</h3>
          <p class="muted small">{tr('intro')}</p>
          <label class="field">
            <span>{tr('file')}</span>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="region-file"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void readFile(f);
              }}
            />
          </label>
          <Show when={progress() !== null}>
            <p role="status" data-testid="region-progress">
              <progress max="1" value={progress() ?? 0} /> {tr('reading', { p: pct(progress() ?? 0, 0) })}
            </p>
          </Show>
          <Show when={problem()}>
            {(p) => (
              <div class="error-box" role="alert" data-testid="region-problem">
                <p>
                  <strong>{problemText(p())}</strong>
                </p>
                <Show when={p().message !== 'crashed'}>
                  <p class="small">{tr('detail', { m: p().message })}</p>
                </Show>
                <p class="small">{tr('unchanged')}</p>
              </div>
            )}
          </Show>
          <Show when={info()}>
            {(i) => (
              <>
                <p data-testid="region-file-info">{tr('fileInfo', { f: i().fileName, n: i().areas.length, k: tr(i().areaKind === 'gemeente' ? 'gemeente' : 'postcode3'), y: i().year ?? '?' })}</p>
                <label class="field">
                  <span>{tr('year')}</span>
                  <input type="text" inputmode="numeric" data-testid="region-year" value={yearText()} onInput={(e) => (setYearText(e.currentTarget.value), setBuilt(null))} />
                </label>
                <Show when={year() === null}>
                  <p class="field-error" role="alert">
                    {tr('yearMissing')}
                  </p>
                </Show>
                <label class="field">
                  <span>{tr('search')}</span>
                  <input type="search" data-testid="region-search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
                </label>
                <ul class="region-areas" data-testid="region-areas">
                  <For each={matches().slice(0, LISTED)}>
                    {(a) => (
                      <li>
                        <label class="check">
                          <input type="checkbox" checked={chosen().includes(a.area)} onChange={(e) => toggle(a.area, e.currentTarget.checked)} />
                          {a.area} <span class="muted small">{tr('insured', { n: num(a.insuredYears) })}</span>
                        </label>
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={matches().length > LISTED}>
                  <p class="muted small">{tr('more', { n: matches().length - LISTED })}</p>
                </Show>
                <Show when={matches().length === 0}>
                  <p class="muted small">{tr('none', { q: query() })}</p>
                </Show>
                <p data-testid="region-chosen">{chosen().length ? tr('chosen', { n: chosen().length, a: chosen().join(', ') }) : tr('noneChosen')}</p>
                <fieldset class="region-segments">
                  <legend>{tr('segmentsLegend')}</legend>
                  <label>
                    <input type="radio" name="region-segments" data-testid="region-segments-bands" checked={segMode() === 'ageBands'} onChange={() => (setSegMode('ageBands'), setBuilt(null))} />{' '}
                    {tr('segmentsBands')}
                  </label>
                  <label>
                    <input type="radio" name="region-segments" data-testid="region-segments-base" checked={segMode() === 'base'} onChange={() => (setSegMode('base'), setBuilt(null))} />{' '}
                    {tr('segmentsBase')}
                  </label>
                </fieldset>
                <Show when={segMode() === 'ageBands'}>
                  <label class="field">
                    <span>{tr('bands')}</span>
                    <input type="text" data-testid="region-bands" value={bands()} onInput={(e) => (setBands(e.currentTarget.value), setBuilt(null))} />
                  </label>
                </Show>
                <label class="field">
                  <span>{tr('national')}</span>
                  <input
                    type="file"
                    accept=".csv,text/csv"
                    data-testid="region-national"
                    onChange={(e) => {
                      const f = e.currentTarget.files?.[0];
                      if (f) chooseNational(f);
                    }}
                  />
                  <span class="muted small">{tr('nationalHint')}</span>
                </label>
                <Show when={nationalState()}>
                  {(st) => {
                    const v = st();
                    return 'classes' in v ? (
                      <p class="small" data-testid="region-national-info">
                        {tr('nationalRead', { f: nationalFile()?.name ?? '', n: v.classes })}
                      </p>
                    ) : (
                      <p class="field-error" role="alert" data-testid="region-national-problem">
                        {v.message === 'crashed'
                          ? tr('crashed')
                          : tr('nationalBad', { f: nationalFile()?.name ?? '', p: v.code === 'missingColumn' ? tr('nationalColumn', { c: v.column ?? '' }) : problemText(v) })}{' '}
                        <span class="small">{tr('detail', { m: v.message })}</span>
                      </p>
                    );
                  }}
                </Show>
                <button type="button" data-testid="region-build" disabled={busy() || chosen().length === 0 || year() === null} onClick={() => void build()}>
                  {busy() ? tr('building') : tr('build')}
                </button>
              </>
            )}
          </Show>
          <Show when={built()}>
            {(b) => (
              <div data-testid="region-result">
                <table class="data" data-testid="region-groups">
                  <caption>{tr('result', { y: b().scenario.simulation.startYear })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr('colLines')}</th>
                      <th scope="col">{tr('colChange')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={b().calibration.groups}>
                      {(g) => (
                        <tr>
                          <th scope="row">{lineNames(g.lines)}</th>
                          <td class="num">
                            <span data-testid="region-target">
                              {euro(g.before)} → {euro(g.target)}
                            </span>
                            <br />
                            <span class="muted small">{tr('fromData', { d: euro(g.target / g.index), y: yearText(), i: num(g.index, 3) })}</span>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <table class="data" data-testid="region-segments">
                  <caption>{tr('segmentsCaption', { y: b().scenario.simulation.startYear })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr('colSegment')}</th>
                      <th scope="col">{tr('colShare')}</th>
                      <th scope="col">{tr('colPerInsured')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={b().scenario.region.segments}>
                      {(seg, i) => (
                        <tr>
                          <th scope="row">{localText(seg.name, lang())}</th>
                          <td class="num">{pct(seg.share, 1)}</td>
                          <td class="num">{euro(b().segments[i()].perInsured)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <Show when={b().notes.length > 0}>
                  <p class="small" data-testid="region-notes">
                    {tr('remapped', { list: b().notes.map(noteText).join('; ') })}
                  </p>
                </Show>
                <details data-testid="region-mapping">
                  <summary>{tr('mappingSummary')}</summary>
                  <table class="data">
                    <caption>{tr('mappingCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{tr('colColumns')}</th>
                        <th scope="col">{tr('colCategory')}</th>
                        <th scope="col">{tr('colLines')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={CATEGORIES.filter((c) => b().columns.some((col) => col.category === c))}>
                        {(c) => {
                          const inGroup = (i: number) => mapping(b())[i].categories.includes(c);
                          return (
                            <tr>
                              <td class="small">
                                {b()
                                  .columns.filter((col) => col.category === c)
                                  .map((col) => col.column)
                                  .join(', ')}
                              </td>
                              <th scope="row">{categoryName(c)}</th>
                              <td>
                                <select data-testid={`region-map-${c}`} aria-label={tr('mapTo', { c: categoryName(c) })} disabled={busy()} onChange={(e) => remap(c, Number(e.currentTarget.value))}>
                                  <For each={mapping(b())}>
                                    {(g, i) => (
                                      <option value={i()} selected={inGroup(i())}>
                                        {lineNames(g.lines)}
                                      </option>
                                    )}
                                  </For>
                                  <option value={-1} selected={!mapping(b()).some((g) => g.categories.includes(c))}>
                                    {tr('notModelled')}
                                  </option>
                                </select>
                              </td>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                  <p class="muted small">{tr('mappingEdit')}</p>
                </details>
                <Show when={b().calibration.outside.length > 0}>
                  <p class="small">
                    {tr('outside', {
                      y: yearText(),
                      list: b()
                        .calibration.outside.map((o) => `${categoryName(o.category)} ${euro(o.perInsuredYear)}`)
                        .join(', '),
                    })}
                  </p>
                </Show>
                <p class="small">{tr('skew', { cv: num(b().calibration.personCv, 2), top: `${pct(b().calibration.top1.share, 1)} ± ${pct(b().calibration.top1.se, 1)}` })}</p>
                <Show when={b().region.standardised}>{(st) => <p class="small">{tr('standardised', { r: num(st().ratio, 3) })}</p>}</Show>
                <p class="muted small">{b().source}</p>
                <button
                  type="button"
                  data-testid="region-open-scenario"
                  onClick={() => {
                    props.onScenario(b().scenario as ScenarioInput, info()?.fileName ?? '');
                    close();
                  }}
                >
                  {tr('openAsNew')}
                </button>
              </div>
            )}
          </Show>
          <p>
            <button type="button" data-testid="region-close" onClick={close}>
              {tr('close')}
            </button>
          </p>
        </section>
      </Show>
    </>
  );
}
