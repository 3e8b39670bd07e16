import { createEffect, createMemo, createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { lang, t, textOf, tIn, type Lang } from '../i18n';
import { isBilingual, localText, localTextForEdit, withLocalText, type LocalText } from '../../models/scenario/localText';
import type { Workspace } from '../workspace/store';
import { DEFAULT_SCENARIO } from '../workspace/store';
import { clone, fieldId, getAt, pathString, pathUnder, type Path } from '../workspace/paths';
import { DIST_PARTS, FIXED_CHOICE, FORMULA_PAYEES, NATIONAL_TREND_START, OPTION_WORDS, PLACED_LABELS, TREND_CHOICES, fieldLabel, fieldUnit, trendStartVars } from './labels';
import { render } from '../texts/catalogue';
import { addableKeys, defaultValueAt, enumAt, helpText, isParamField, limitsAt, removableAt, schemaAt } from './schemaHelp';
import { DIST_FACTS, DIST_KINDS, isDistKind } from '../../models/scenario/distributions';
import { formatInputNumber, formatInputNumberList, numberProblemText, parseLocalNumber, parseLocalNumberList } from './numbers';
import { isShareAt, shareUnit } from './shares';
import { fromFormulaLanguage, toFormulaLanguage } from './formulaText';
import { parsePath } from '../../models/scenario/paths';
import { partyLabelIn } from '../parties';
import { neutralItem } from './newItem';
import { plausibilityNotes, type Note } from './plausibility';
import { DistPicture } from './DistPicture';
import { lazyBody } from './lazyBodies';
import { inPercent, issueText } from '../texts/issues';
import type { Issue } from '../../models/core/issues';
import { LINES } from '../../models/core/names';
import { LINE_FACTS } from '../../models/core/lines';
import { changeKind, FINANCING_KINDS, isFinancingKind, KIND_LABELS, renameOffer, type FinancingKind } from './financingKind';

/** True when the number at `path` is shown and typed as a percentage. */
export const isShare = (path: Path): boolean => isShareAt(path, isParamField);

/** True when the format wants a number at `path` (a plain number or a parameter's part). */
function wantsNumber(path: Path): boolean {
  const type = schemaAt(path)?.type;
  return type === 'number' || type === 'integer' || isParamField(path) || (path.length > 1 && isParamField(path.slice(0, -1)));
}

/** True when the format wants a list of plain numbers at `path` (the benchmark's base-year weights). */
function isNumberList(path: Path): boolean {
  if (schemaAt(path)?.type !== 'array') return false;
  const item = schemaAt([...path, 0])?.type;
  return item === 'number' || item === 'integer';
}

/**
 * A validator message in the interface's language, for the field at `path`. Text typed into a
 * number field gets the reason it is no number (e.g. an unclear separator) instead of "must be a
 * number, not string"; a share's bounds are given in percent.
 */
export function fieldMessage(scenario: unknown, path: Path, issue: Issue, l: 'nl' | 'en'): { text: string; numberProblem: boolean } {
  const v = getAt(scenario, path);
  if (typeof v === 'string' && wantsNumber(path) && issue.code === 'wrongType' && (issue.params.expected === 'number' || issue.params.expected === 'int')) {
    const p = parseLocalNumber(v, l, { percent: isShare(path) });
    return { text: numberProblemText(p.ok ? 'notNumber' : p.reason, l, { percent: isShare(path) }), numberProblem: true };
  }
  if (typeof v === 'string' && isNumberList(path) && issue.code === 'wrongType') {
    const p = parseLocalNumberList(v, l, { percent: isShare(path) });
    const at = p.ok ? 1 : p.position;
    const text = numberProblemText(p.ok ? 'notNumber' : p.reason, l, { percent: isShare(path) });
    return { text: render(PLACED_LABELS.listPosition, l, { field: fieldLabel(path[path.length - 1], l), i: at, problem: text }), numberProblem: true };
  }
  return { text: issueText(isShare(path) ? inPercent(issue) : issue, l), numberProblem: false };
}

/** A readable name for a part of a field (a distribution's "most likely", a line of a map). */
function partLabel(rel: Path, l: 'nl' | 'en'): string {
  return rel.map((k) => (typeof k === 'string' && DIST_PARTS[k] ? render(DIST_PARTS[k], l) : typeof k === 'string' && k in PARTY_KEYS ? partyLabelIn(k, l) : fieldLabel(k, l))).join(' › ');
}
const PARTY_KEYS: Record<string, true> = { insurer: true, municipality: true, patients: true, integrator: true };

interface FieldMsg {
  text: string;
  numberProblem: boolean;
}

/** Errors at `path` itself and below it (a parameter's min/mode/max), with readable part names. */
function errorsUnder(ws: Workspace, path: Path): FieldMsg[] {
  const p = pathString(path);
  const out: FieldMsg[] = [];
  for (const [k, msgs] of ws.errorsByPath()) {
    if (!pathUnder(k, p)) continue;
    let full: Path;
    try {
      full = parsePath(k);
    } catch {
      full = path;
    }
    const rel = full.slice(path.length);
    for (const m of msgs) {
      const f = fieldMessage(ws.scenario, full, m, lang());
      out.push(rel.length === 0 ? f : { ...f, text: `${partLabel(rel, lang())}: ${f.text}` });
    }
  }
  return out;
}

function FieldErrors(props: { messages: FieldMsg[]; id: string }) {
  return (
    <Show when={props.messages.length > 0}>
      <ul class="field-errors" id={props.id} role="alert">
        <For each={props.messages}>{(m) => <li data-testid={m.numberProblem ? 'number-problem' : undefined}>{m.text}</li>}</For>
      </ul>
    </Show>
  );
}

let notesCache: { ws: Workspace; rev: number; lang: string; all: Note[]; byPath: Map<string, string[]> } | undefined;

/**
 * The scenario's plausibility notes, worked out once per edit (every field asks for its own; the
 * walk over the scenario is shared, and reads it untracked so a field depends only on the revision).
 */
export function plausibilityOf(ws: Workspace): { all: Note[]; byPath: Map<string, string[]> } {
  const rev = ws.revision();
  const l = lang();
  if (notesCache && notesCache.ws === ws && notesCache.rev === rev && notesCache.lang === l) return notesCache;
  const all = untrack(() => plausibilityNotes(ws.scenario, l));
  const byPath = new Map<string, string[]>();
  for (const n of all) byPath.set(pathString(n.path), [...(byPath.get(pathString(n.path)) ?? []), n.text]);
  notesCache = { ws, rev, lang: l, all, byPath };
  return notesCache;
}

/** Plausibility notes at a field: they do not block the run. */
function FieldWarnings(props: { ws: Workspace; path: Path }) {
  const notes = () => plausibilityOf(props.ws).byPath.get(pathString(props.path)) ?? [];
  return (
    <Show when={notes().length > 0}>
      <ul class="field-warnings" data-testid="field-warning">
        <For each={notes()}>{(w) => <li>{w}</li>}</For>
      </ul>
    </Show>
  );
}

/**
 * A text box for a number (or, with `list`, for numbers separated by `;`) that keeps exactly what
 * was typed. When the text is a number (in the interface's notation; a share as a percentage) the
 * scenario gets the number; when it is not, the scenario keeps the text itself, so the validator
 * marks the field and nothing typed is lost (also across a reload).
 *
 * The element is made once: its text is set from the scenario only when the scenario changes from
 * outside (reset, import, language), never while it holds what is being typed, so a half-typed
 * `0,` or `1.` stays as it is and the caret does not move.
 */
function NumberInput(props: { ws: Workspace; path: Path; id?: string; label?: string; describedBy?: string; invalid?: boolean; list?: boolean }) {
  const value = () => getAt(props.ws.scenario, props.path);
  const opts = () => ({ percent: isShare(props.path) });
  const shown = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    if (!props.list) return typeof v === 'number' ? formatInputNumber(v, lang(), opts()) : String(v);
    return Array.isArray(v) && v.every((x) => typeof x === 'number') ? formatInputNumberList(v, lang(), opts()) : typeof v === 'string' ? v : JSON.stringify(v);
  };
  const read = (s: string): { ok: true; value: unknown } | { ok: false } => {
    if (!props.list) return parseLocalNumber(s, lang(), opts());
    const p = parseLocalNumberList(s, lang(), opts());
    return p.ok ? { ok: true, value: p.values } : p;
  };
  const same = (a: unknown, b: unknown) => (props.list ? JSON.stringify(a) === JSON.stringify(b) : Object.is(a, b));
  let el: HTMLInputElement | undefined;
  /** The text as typed, while the field has focus. */
  let draft: string | null = null;
  const isDraftOf = (v: unknown): boolean => {
    if (draft === null) return false;
    const p = read(draft);
    return p.ok ? same(p.value, v) : draft === v;
  };
  createEffect(() => {
    const text = shown(value());
    if (!el || isDraftOf(value())) return;
    draft = null;
    if (el.value !== text) el.value = text;
  });
  return (
    <input
      ref={el}
      type="text"
      inputmode="decimal"
      class={props.list ? 'num-list' : 'num'}
      id={props.id ?? fieldId(props.path)}
      aria-label={props.label}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      data-path={pathString(props.path)}
      onInput={(e) => {
        const s = e.currentTarget.value;
        draft = s;
        const p = read(s);
        props.ws.edit(props.path, p.ok ? p.value : s);
      }}
      onBlur={(e) => {
        // Once left, the field shows the number in the language's notation (85000 → 85.000).
        draft = null;
        const text = shown(value());
        if (e.currentTarget.value !== text) e.currentTarget.value = text;
      }}
    />
  );
}

/** The picker's choices: a fixed number, then every distribution kind of the table. */
const KINDS = ['fixed', ...DIST_KINDS] as const;
const choiceLabel = (k: string, l: Lang): string => (isDistKind(k) ? render(DIST_FACTS[k].choice, l) : render(FIXED_CHOICE, l));
/** The parts typed for a kind (a distribution's other parts keep their default or the file's value). */
const partsOf = (k: string): string[] => (isDistKind(k) ? DIST_FACTS[k].parts.filter((p) => p.editable).map((p) => p.name) : ['value']);

/** A central value of a parameter, used when switching between a fixed number and a distribution. */
function centre(v: any): number {
  if (typeof v === 'number') return v;
  if (!v || typeof v !== 'object') return 0;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  if ('value' in v) return n(v.value) ?? 0;
  return n(v.mode) ?? n(v.mean) ?? (n(v.min) !== undefined && n(v.max) !== undefined ? (v.min + v.max) / 2 : undefined) ?? (n(v.shape) && n(v.scale) ? v.shape * v.scale : 0);
}

/** The field's allowed range, as the schema states it. */
function rangeOf(path: Path): [number, number] {
  const r = limitsAt(path);
  return r ? [r.lo, r.hi] : [-Infinity, Infinity];
}

function convert(v: any, kind: string, [lo, hi]: [number, number] = [-Infinity, Infinity]): unknown {
  const c = centre(v);
  const clampR = (x: number) => Math.min(hi, Math.max(lo, x));
  const keep: Record<string, unknown> = {};
  if (v && typeof v === 'object') {
    if (v.source !== undefined) keep.source = v.source;
    if (v.illustrative !== undefined) keep.illustrative = v.illustrative;
  }
  const spread = c === 0 ? 1 : Math.abs(c) * 0.25;
  const r = (x: number) => clampR(+x.toPrecision(6));
  if (kind === 'fixed') return { value: c, ...keep };
  if (isDistKind(kind)) return { dist: kind, ...DIST_FACTS[kind].start(c, spread, r), ...keep };
  return v;
}

function Help(props: { path: Path; children?: JSX.Element }) {
  const help = () => helpText(props.path, lang(), { percent: isShare(props.path) });
  return (
    <Show when={help()}>
      <p class="help" id={`${fieldId(props.path)}-help`}>
        {help()}
      </p>
    </Show>
  );
}

function ResetButton(props: { ws: Workspace; path: Path }) {
  const def = () => getAt(DEFAULT_SCENARIO, props.path);
  const differs = () => def() !== undefined && JSON.stringify(def()) !== JSON.stringify(getAt(props.ws.scenario, props.path));
  return (
    <Show when={differs()}>
      <button type="button" class="mini" title={t('resetDefault')} aria-label={`${t('resetDefault')}`} onClick={() => props.ws.edit(props.path, def())}>
        ↺
      </button>
    </Show>
  );
}

/** The unit a field's number is typed in: a share's percent, or the field's own unit. */
const unitAt = (path: Path, l: Lang): string | undefined => (isShare(path) ? shareUnit(path, l) : fieldUnit(path[path.length - 1], l));

/**
 * A field's head: its label (with the unit, or with `note` where the field says something else
 * about its text), then `children` (a badge), the reset button and, for the fields that offer it,
 * removal of an optional field.
 */
function FieldHead(props: { ws: Workspace; path: Path; label: string; unit?: boolean; note?: JSX.Element; remove?: boolean; children?: JSX.Element }) {
  const unit = () => (props.unit ? unitAt(props.path, lang()) : '');
  return (
    <div class="field-head">
      <label for={fieldId(props.path)}>
        {props.label}
        <Show when={unit()}>
          <span class="unit"> ({unit()})</span>
        </Show>
        {props.note}
      </label>
      {props.children}
      <ResetButton ws={props.ws} path={props.path} />
      <Show when={props.remove}>
        <RemoveField ws={props.ws} path={props.path} />
      </Show>
    </div>
  );
}

/** A parameter: a number, a number with its source, or a distribution, with source note and picture. */
export function ParamField(props: { ws: Workspace; path: Path; label: string }) {
  const v = () => getAt(props.ws.scenario, props.path) as any;
  const kind = () => (v() && typeof v() === 'object' && 'dist' in v() ? String(v().dist) : 'fixed');
  const plain = () => typeof v() !== 'object' || v() === null;
  const errs = () => errorsUnder(props.ws, props.path);
  const id = () => fieldId(props.path);
  return (
    <div class="field param" classList={{ invalid: errs().length > 0 }} data-field={pathString(props.path)}>
      <FieldHead ws={props.ws} path={props.path} label={props.label} unit remove>
        <Show when={v()?.illustrative}>
          <span class="badge" title={t('illustrativeHelp')}>
            {t('illustrative')}
          </span>
        </Show>
      </FieldHead>
      <div class="param-row">
        <select
          aria-label={`${props.label}: ${t('distribution')}`}
          value={kind()}
          data-testid={`kind-${pathString(props.path)}`}
          onChange={(e) => props.ws.edit(props.path, convert(v(), e.currentTarget.value, rangeOf(props.path)))}
        >
          <For each={KINDS}>{(k) => <option value={k}>{choiceLabel(k, lang())}</option>}</For>
        </select>
        <Show when={kind() !== 'fixed'}>
          <DistPicture dist={v()} />
        </Show>
      </div>
      <div class="param-inputs">
        <For each={partsOf(kind())}>
          {(f, i) => {
            const sub = (): Path => (plain() ? props.path : [...props.path, f]);
            const first = () => i() === 0;
            return (
              <label class="sub">
                <Show when={kind() !== 'fixed'}>
                  <span>{DIST_PARTS[f] ? render(DIST_PARTS[f], lang()) : f}</span>
                </Show>
                <NumberInput
                  ws={props.ws}
                  path={sub()}
                  id={first() ? id() : undefined}
                  label={`${props.label}: ${DIST_PARTS[f] ? render(DIST_PARTS[f], lang()) : f}`}
                  describedBy={`${id()}-err ${id()}-help`}
                  invalid={errs().length > 0}
                />
              </label>
            );
          }}
        </For>
      </div>
      <FieldErrors messages={errs()} id={`${id()}-err`} />
      <FieldWarnings ws={props.ws} path={props.path} />
      <details class="source">
        <summary>{textOf(v()?.source) ? t('sourceAndHelp') : t('helpOnly')}</summary>
        <Show when={textOf(v()?.source)}>
          {(src) => (
            <p data-testid="source-note">
              <strong>{t('source')}:</strong> {src()}
            </p>
          )}
        </Show>
        <Help path={props.path} />
      </details>
    </div>
  );
}

/**
 * A text box (or area) made once: typing never re-creates it. Contract formulas are shown in the
 * interface's notation (decimal comma in Dutch) and stored in the formula language. A text written
 * per language shows and edits the interface language's text and keeps the other one.
 */
function TextField(props: { ws: Workspace; path: Path; label: string; multiline?: boolean }) {
  const errs = () => errorsUnder(props.ws, props.path);
  const id = () => fieldId(props.path);
  const formula = () => props.path.includes('formulas');
  const bilingual = () => isBilingual(getAt(props.ws.scenario, props.path));
  const stored = () => {
    const v = getAt(props.ws.scenario, props.path);
    return typeof v === 'string' ? v : v === undefined ? '' : isBilingual(v) ? localTextForEdit(v, lang()) : JSON.stringify(v);
  };
  const toStored = (s: string) => (formula() ? toFormulaLanguage(s, lang()) : s);
  let el: HTMLInputElement | HTMLTextAreaElement | undefined;
  let draft: string | null = null;
  createEffect(() => {
    const v = stored();
    const text = formula() ? fromFormulaLanguage(v, lang()) : v;
    if (!el || (draft !== null && toStored(draft) === v)) return;
    draft = null;
    if (el.value !== text) el.value = text;
  });
  const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    draft = e.currentTarget.value;
    const now = getAt(props.ws.scenario, props.path);
    props.ws.edit(props.path, isBilingual(now) ? withLocalText(now, lang(), draft) : toStored(draft));
  };
  return (
    <div class="field" classList={{ invalid: errs().length > 0 }} data-field={pathString(props.path)}>
      <FieldHead
        ws={props.ws}
        path={props.path}
        label={props.label}
        note={
          <Show when={bilingual()}>
            <span class="unit" data-testid="text-language" title={t('bilingualHelp')}>
              {' '}
              ({t('bilingualIn')})
            </span>
          </Show>
        }
      />
      <Show
        when={props.multiline}
        fallback={
          <input
            ref={(x) => (el = x)}
            type="text"
            id={id()}
            data-path={pathString(props.path)}
            class={formula() ? 'formula' : undefined}
            spellcheck={formula() ? false : undefined}
            aria-invalid={errs().length > 0 ? 'true' : undefined}
            aria-describedby={`${id()}-err`}
            onInput={onInput}
            onBlur={() => (draft = null)}
          />
        }
      >
        <textarea ref={(x) => (el = x)} id={id()} data-path={pathString(props.path)} rows={3} aria-describedby={`${id()}-err`} onInput={onInput} onBlur={() => (draft = null)} />
      </Show>
      <Show when={formula() && lang() === 'nl'}>
        <p class="help">{t('formulaCommaHelp')}</p>
      </Show>
      <FieldErrors messages={errs()} id={`${id()}-err`} />
    </div>
  );
}

function PlainNumberField(props: { ws: Workspace; path: Path; label: string }) {
  const errs = () => errorsUnder(props.ws, props.path);
  const id = () => fieldId(props.path);
  return (
    <div class="field" classList={{ invalid: errs().length > 0 }} data-field={pathString(props.path)}>
      <FieldHead ws={props.ws} path={props.path} label={props.label} unit />
      <NumberInput ws={props.ws} path={props.path} label={props.label} describedBy={`${id()}-err ${id()}-help`} invalid={errs().length > 0} />
      <FieldErrors messages={errs()} id={`${id()}-err`} />
      <FieldWarnings ws={props.ws} path={props.path} />
      <Help path={props.path} />
    </div>
  );
}

/**
 * A list of numbers in one text box (the benchmark's base-year weights), typed in the interface's
 * notation and separated by `;`; the validator names the entry that is no number.
 */
function NumberListField(props: { ws: Workspace; path: Path; label: string }) {
  const errs = () => errorsUnder(props.ws, props.path);
  const id = () => fieldId(props.path);
  return (
    <div class="field" classList={{ invalid: errs().length > 0 }} data-field={pathString(props.path)}>
      <FieldHead ws={props.ws} path={props.path} label={props.label} unit remove />
      <NumberInput ws={props.ws} path={props.path} list describedBy={`${id()}-err ${id()}-help`} invalid={errs().length > 0} />
      <FieldErrors messages={errs()} id={`${id()}-err`} />
      <Help path={props.path} />
    </div>
  );
}

/** A contract's scope: one checkbox per care line, by name, in the care-line table's order. */
function LineScopeField(props: { ws: Workspace; path: Path; label: string }) {
  const chosen = () => (getAt(props.ws.scenario, props.path) as string[]) ?? [];
  const errs = () => errorsUnder(props.ws, props.path);
  return (
    <fieldset class="field refs" classList={{ invalid: errs().length > 0 }} data-testid="scope-lines">
      <legend>{props.label}</legend>
      <RemoveField ws={props.ws} path={props.path} />
      <For each={[...LINES]}>
        {(l) => (
          <label class="check">
            <input
              type="checkbox"
              value={l}
              checked={chosen().includes(l)}
              onChange={(e) => {
                const set = new Set(chosen());
                if (e.currentTarget.checked) set.add(l);
                else set.delete(l);
                props.ws.edit(props.path, (LINES as readonly string[]).filter((x) => set.has(x)).concat([...set].filter((x) => !(LINES as readonly string[]).includes(x))));
              }}
            />
            {LINE_FACTS[l].label[lang()]}
          </label>
        )}
      </For>
      <FieldErrors messages={errs()} id={`${fieldId(props.path)}-err`} />
      <Help path={props.path} />
    </fieldset>
  );
}

function SegmentRefsField(props: { ws: Workspace; path: Path; label: string }) {
  const ids = () => ((getAt(props.ws.scenario, ['region', 'segments']) as any[]) ?? []).map((s) => String(s?.id ?? ''));
  const chosen = () => (getAt(props.ws.scenario, props.path) as string[]) ?? [];
  const errs = () => errorsUnder(props.ws, props.path);
  /** The group's name as the user gave it (the id is what the file refers to). */
  const segName = (sid: string) => {
    const seg = ((getAt(props.ws.scenario, ['region', 'segments']) as any[]) ?? []).find((s) => String(s?.id ?? '') === sid);
    return localText(seg?.name, lang()).trim() || sid;
  };
  return (
    <fieldset class="field refs" classList={{ invalid: errs().length > 0 }}>
      <legend>
        {props.label} <span class="unit">({t('emptyMeansAll')})</span>
      </legend>
      <For each={ids()}>
        {(sid) => (
          <label class="check">
            <input
              type="checkbox"
              checked={chosen().includes(sid)}
              onChange={(e) => {
                const set = new Set(chosen());
                if (e.currentTarget.checked) set.add(sid);
                else set.delete(sid);
                props.ws.edit(
                  props.path,
                  ids()
                    .filter((x) => set.has(x))
                    .concat([...set].filter((x) => !ids().includes(x))),
                );
              }}
            />
            {segName(sid)}
          </label>
        )}
      </For>
      <FieldErrors messages={errs()} id={`${fieldId(props.path)}-err`} />
    </fieldset>
  );
}

/**
 * The last kind change per model id in this session. The rename offer lasts while the model's
 * name still speaks of the old kind and the kind is the one chosen then (an undo of the kind hides
 * it); kept outside the field, which a kind change may draw anew.
 */
const [kindChanges, setKindChanges] = createSignal<Record<string, { from: FinancingKind; to: FinancingKind } | null>>({});

/** A model's fields under the kinds it had before in this session (by id and kind), so switching back restores them. */
const earlierKinds = new Map<string, Record<string, unknown>>();

/**
 * The kind of a financing model. Another kind restructures the model: the new kind's fields with
 * starting values (from the default scenario's model of that kind), keeping id, name and
 * description; switching back restores what the model had under its earlier kind.
 */
function FinancingKindField(props: { ws: Workspace; path: Path; label: string }) {
  const modelPath = () => props.path.slice(0, -1);
  const v = () => getAt(props.ws.scenario, props.path);
  const id = () => fieldId(props.path);
  const modelId = () => String((getAt(props.ws.scenario, modelPath()) as { id?: unknown } | undefined)?.id ?? '');
  const offer = () => {
    const c = kindChanges()[modelId()];
    if (!c || v() !== c.to) return undefined;
    const next = renameOffer(getAt(props.ws.scenario, [...modelPath(), 'name']), c.from, c.to);
    return next === undefined ? undefined : { name: next, from: c.from };
  };
  return (
    <div class="field" classList={{ invalid: errorsUnder(props.ws, props.path).length > 0 }}>
      <label for={id()}>{props.label}</label>
      <select
        id={id()}
        data-testid={`model-kind-${pathString(modelPath())}`}
        aria-describedby={`${id()}-help`}
        value={String(v() ?? '')}
        onChange={(e) => {
          const kind = e.currentTarget.value;
          if (!isFinancingKind(kind)) return;
          const old = JSON.parse(JSON.stringify(getAt(props.ws.scenario, modelPath()) ?? {})) as Record<string, unknown>;
          earlierKinds.set(`${String(old.id)}\u0000${String(old.kind)}`, old);
          const examples = (DEFAULT_SCENARIO.financing?.models ?? []) as Record<string, unknown>[];
          props.ws.edit(modelPath(), changeKind(old, kind, examples, earlierKinds.get(`${String(old.id)}\u0000${kind}`)));
          // Type-ahead in the closed list passes through other kinds ("P" is another kind than
          // "Pop…"): the name is compared with the kind the model had before the series.
          const was = kindChanges()[String(old.id)];
          const from = was && was.to === old.kind ? was.from : old.kind;
          setKindChanges({ ...kindChanges(), [String(old.id)]: isFinancingKind(from) ? { from, to: kind } : null });
        }}
      >
        <Show when={!isFinancingKind(v())}>
          <option value={String(v() ?? '')}>{String(v() ?? '')}</option>
        </Show>
        <For each={FINANCING_KINDS}>{(k) => <option value={k}>{render(KIND_LABELS[k], lang())}</option>}</For>
      </select>
      <Show when={offer()}>
        {(o) => (
          <p class="rename-offer" role="status" data-testid={`rename-offer-${pathString(modelPath())}`}>
            <span class="small muted">{t('renameWhy', { k: render(KIND_LABELS[o().from], lang()) })} </span>
            <button type="button" class="mini" data-testid={`rename-accept-${pathString(modelPath())}`} onClick={() => props.ws.edit([...modelPath(), 'name'], o().name)}>
              {t('renameTo', { n: localText(o().name, lang()) })}
            </button>{' '}
            <button type="button" class="mini" aria-label={t('renameKeep')} title={t('renameKeep')} onClick={() => setKindChanges({ ...kindChanges(), [modelId()]: null })}>
              ×
            </button>
          </p>
        )}
      </Show>
      <p class="help" id={`${id()}-help`}>
        {t('kindChangeHelp')}
      </p>
      <FieldErrors messages={errorsUnder(props.ws, props.path)} id={`${id()}-err`} />
    </div>
  );
}

/** The words for a choice's options, or the field's label. */
function optionLabel(path: Path, o: string, l: 'nl' | 'en'): string {
  const key = path[path.length - 1];
  if (key === 'payer' || key === 'intermediateProvider' || key === 'owner') return partyLabelIn(o, l);
  const word = OPTION_WORDS[o];
  return word ? render(word, l) : fieldLabel(o, l);
}

const MULTILINE = new Set(['description', 'notes', 'question']);
/** Fields whose text may be written per language (`{ "nl": …, "en": … }`, models/scenario/localText.ts). */
const TEXT_KEYS = new Set(['name', 'description', 'source', 'title', 'notes', 'question', 'headline']);

/** A copy's name: "(kopie)" after the Dutch text, "(copy)" after the English one. */
function copyName(name: unknown): LocalText {
  if (!isBilingual(name)) return `${String(name ?? '')} (${t('copySuffix')})`;
  const out: { nl?: string; en?: string } = {};
  for (const l of ['nl', 'en'] as const) if (typeof name[l] === 'string') out[l] = `${name[l]} (${tIn('copySuffix', l)})`;
  return out;
}

/** Renders whatever sits at `path`: a parameter, a number, text, a choice, an object or a list. */
export function FieldNode(props: { ws: Workspace; path: Path; skip?: string[] }): JSX.Element {
  const key = () => props.path[props.path.length - 1];
  const v = () => getAt(props.ws.scenario, props.path);
  // startYear inside a substitution or intervention is an offset in years, not a calendar year.
  const label = () => {
    const parent = props.path[props.path.length - 2];
    if (key() === 'startYear' && props.path[0] !== 'simulation') return render(PLACED_LABELS.offsetStartYear, lang());
    if (key() === 'contacts' && parent === 'effects') return render(PLACED_LABELS.effectContacts, lang());
    if (key() === 'price' && parent === 'effects') return render(PLACED_LABELS.effectPrice, lang());
    if (key() === 'quality' && parent === 'effects') return render(PLACED_LABELS.effectQuality, lang());
    if (key() === 'max' && parent === 'reach') return fieldLabel('reachMax', lang());
    if (isBenchmarkTrend(props.path)) return render(PLACED_LABELS.benchmarkTrend, lang());
    if (parent === 'formulas' && typeof key() === 'string') {
      const payee = FORMULA_PAYEES[String(key())];
      const who = payee ? render(payee, lang()) : partyLabelIn(String(key()), lang());
      return render(PLACED_LABELS.formula, lang(), { who });
    }
    return fieldLabel(key(), lang());
  };
  // The kind of input depends on the value only where the value really changes it (a list, a
  // group, yes/no); it is a memo, so typing into a field, which changes the value but not its
  // kind, never re-creates the field and its input element.
  const kind = createMemo(() => {
    const x = v();
    if (key() === '$schema' || key() === 'version') return 'hidden';
    if (isParamField(props.path)) return 'param';
    if (key() === 'kind' && props.path.length === 4 && props.path[0] === 'financing' && props.path[1] === 'models') return 'modelKind';
    const en = enumAt(props.path);
    if (en && (typeof x === 'string' || x === undefined)) return 'enum';
    if (key() === 'segments' && Array.isArray(x) && props.path[0] !== 'region') return 'refs';
    if (key() === 'scope' && props.path[0] === 'financing' && Array.isArray(x)) return 'lineScope';
    if (isNumberList(props.path)) return 'numberList';
    if (typeof x === 'boolean') return 'bool';
    // By the schema, not the current value: a number field holding typed text stays a number field.
    const type = schemaAt(props.path)?.type;
    if (typeof x === 'number' || type === 'number' || type === 'integer') return 'number';
    if (typeof x === 'string') return 'text';
    if (TEXT_KEYS.has(String(key())) && isBilingual(x) && Object.keys(x).every((k) => k === 'nl' || k === 'en')) return 'text';
    if (Array.isArray(x)) return 'list';
    if (x && typeof x === 'object') return 'object';
    return 'hidden';
  });
  return (
    <>
      {(() => {
        switch (kind()) {
          case 'param':
            return <ParamField ws={props.ws} path={props.path} label={label()} />;
          case 'number':
            return <PlainNumberField ws={props.ws} path={props.path} label={label()} />;
          case 'numberList':
            return <NumberListField ws={props.ws} path={props.path} label={label()} />;
          case 'text':
            return <TextField ws={props.ws} path={props.path} label={label()} multiline={MULTILINE.has(String(key()))} />;
          case 'bool':
            return (
              <div class="field">
                <label class="check">
                  <input type="checkbox" id={fieldId(props.path)} checked={v() as boolean} onChange={(e) => props.ws.edit(props.path, e.currentTarget.checked)} />
                  {label()}
                </label>
                <Help path={props.path} />
              </div>
            );
          case 'enum':
            return (
              <div class="field" classList={{ invalid: errorsUnder(props.ws, props.path).length > 0 }}>
                <label for={fieldId(props.path)}>{label()}</label>
                <select id={fieldId(props.path)} data-path={pathString(props.path)} value={String(v() ?? '')} onChange={(e) => props.ws.edit(props.path, e.currentTarget.value)}>
                  <For each={enumAt(props.path) ?? []}>{(o) => <option value={o}>{optionLabel(props.path, o, lang())}</option>}</For>
                </select>
                <FieldErrors messages={errorsUnder(props.ws, props.path)} id={`${fieldId(props.path)}-err`} />
              </div>
            );
          case 'modelKind':
            return <FinancingKindField ws={props.ws} path={props.path} label={label()} />;
          case 'refs':
            return <SegmentRefsField ws={props.ws} path={props.path} label={label()} />;
          case 'lineScope':
            return <LineScopeField ws={props.ws} path={props.path} label={label()} />;
          case 'object':
            return <ObjectGroup ws={props.ws} path={props.path} label={label()} skip={props.skip} />;
          case 'list':
            return <ListEditor ws={props.ws} path={props.path} label={label()} />;
          default:
            return null;
        }
      })()}
    </>
  );
}

/** A choice of the optional fields the format allows here but the scenario leaves out; adds one. */
export function AddField(props: { ws: Workspace; path: Path }) {
  const here = () => getAt(props.ws.scenario, props.path);
  const present = () => Object.keys((here() as object) ?? {});
  const options = () => addableKeys(props.path, present(), here()).filter((k) => !isBenchmarkTrend([...props.path, k]));
  return (
    <Show when={options().length > 0}>
      <div class="add-field">
        <select
          aria-label={`${t('addField')}: ${fieldLabel(props.path[props.path.length - 1] ?? '', lang())}`}
          data-testid={`add-field-${pathString(props.path)}`}
          value=""
          onChange={(e) => {
            const k = e.currentTarget.value;
            e.currentTarget.value = '';
            if (k) props.ws.edit([...props.path, k], defaultValueAt([...props.path, k], here(), props.ws.scenario));
          }}
        >
          <option value="">+ {t('addField')}…</option>
          <For each={options()}>{(k) => <option value={k}>{fieldLabel(k, lang())}</option>}</For>
        </select>
      </div>
    </Show>
  );
}

/** Removes an optional field (only offered where the format allows leaving it out). */
function RemoveField(props: { ws: Workspace; path: Path }) {
  const optional = () => removableAt(props.path, getAt(props.ws.scenario, props.path.slice(0, -1)));
  return (
    <Show when={optional()}>
      <button type="button" class="mini" onClick={() => props.ws.edit(props.path, undefined)}>
        {t('remove')}
      </button>
    </Show>
  );
}

/** The benchmark's trend: offered by TrendChoice, never as a plain field of the group or to add. */
const isBenchmarkTrend = (path: Path): boolean => path.length === 2 && path[0] === 'benchmark' && path[1] === 'trend';

type TrendKind = 'region' | 'fixed' | 'national';
const trendKindOf = (v: unknown): TrendKind => (v === undefined ? 'region' : v && typeof v === 'object' && 'dist' in v ? 'national' : 'fixed');

/**
 * The trend a contract's benchmark assumes, as the choice a steering group makes: the region's
 * expected growth (the field left out), a fixed rate, or a national trend with its uncertainty
 * (a distribution, drawn per run). The choice follows the value, so the parameter's own picker
 * and undo keep it right.
 */
function TrendChoice(props: { ws: Workspace; path: Path }) {
  const v = () => getAt(props.ws.scenario, props.path);
  const id = () => `${fieldId(props.path)}-choice`;
  const choose = (k: TrendKind) => {
    const now = v();
    if (k === trendKindOf(now)) return;
    if (k === 'region') return props.ws.edit(props.path, undefined);
    if (k === 'national') return props.ws.edit(props.path, clone(NATIONAL_TREND_START));
    // A fixed rate starts at the distribution's centre, or at the default scenario's rate with its source.
    const def = getAt(DEFAULT_SCENARIO, props.path);
    if (now !== undefined) return props.ws.edit(props.path, { value: centre(now), illustrative: true, source: '' });
    props.ws.edit(props.path, def !== undefined && trendKindOf(def) === 'fixed' ? clone(def) : { value: centre(def), illustrative: true, source: '' });
  };
  return (
    <div class="field" data-field={`${pathString(props.path)}-choice`}>
      <label for={id()}>{render(TREND_CHOICES.label, lang())}</label>
      <select id={id()} data-testid="benchmark-trend-choice" aria-describedby={`${id()}-help`} value={trendKindOf(v())} onChange={(e) => choose(e.currentTarget.value as TrendKind)}>
        <For each={['region', 'fixed', 'national'] as const}>{(k) => <option value={k}>{render(TREND_CHOICES[k], lang())}</option>}</For>
      </select>
      <p class="help" id={`${id()}-help`}>
        {render(TREND_CHOICES[`${trendKindOf(v())}Help`], lang(), trendStartVars(lang()))}
      </p>
      <Show when={v() !== undefined}>
        <FieldNode ws={props.ws} path={props.path} />
      </Show>
    </div>
  );
}

export function ObjectGroup(props: { ws: Workspace; path: Path; label: string; skip?: string[]; open?: boolean }) {
  const isBenchmark = () => props.path.length === 1 && props.path[0] === 'benchmark';
  const keys = () => Object.keys((getAt(props.ws.scenario, props.path) as object) ?? {}).filter((k) => !props.skip?.includes(k) && !isBenchmarkTrend([...props.path, k]));
  const body = lazyBody(props.open ?? props.path.length <= 2, () => [pathString(props.path)]);
  return (
    <details class="group" open={props.open ?? props.path.length <= 2} onToggle={body.onToggle}>
      <summary>
        {props.label}
        <Show when={errorsUnder(props.ws, props.path).length > 0}>
          <span class="err-count" aria-label={t('problems')}>
            {' '}
            ⚠ {errorsUnder(props.ws, props.path).length}
          </span>
        </Show>
      </summary>
      <Show when={body.made()}>
        <div class="group-body">
          <RemoveField ws={props.ws} path={props.path} />
          <Show when={isBenchmark() && !keys().includes('preContractYears')}>
            <TrendChoice ws={props.ws} path={[...props.path, 'trend']} />
          </Show>
          <For each={keys()}>
            {(k) => (
              <>
                <FieldNode ws={props.ws} path={[...props.path, k]} />
                <Show when={isBenchmark() && k === 'preContractYears'}>
                  <TrendChoice ws={props.ws} path={[...props.path, 'trend']} />
                </Show>
              </>
            )}
          </For>
          <AddField ws={props.ws} path={props.path} />
        </div>
      </Show>
    </details>
  );
}

/** A new id that does not yet occur in the list. */
function freshId(list: any[], base: string): string {
  const ids = new Set(list.map((x) => x?.id));
  const stem = String(base)
    .replace(/-kopie(-\d+)?$/, '')
    .slice(0, 50);
  for (let i = 1; ; i++) {
    const c = i === 1 ? `${stem}-kopie` : `${stem}-kopie-${i}`;
    if (!ids.has(c)) return c;
  }
}

/** Segments, substitutions and interventions: add, copy and remove items. */
export function ListEditor(props: { ws: Workspace; path: Path; label: string }) {
  const list = () => (getAt(props.ws.scenario, props.path) as any[]) ?? [];
  const itemName = (x: any, i: number) => (x && typeof x === 'object' ? localText(x.name, lang()) || x.id || `#${i + 1}` : `#${i + 1}`);
  const template = () => (getAt(DEFAULT_SCENARIO, props.path) as any[] | undefined)?.[0] ?? list()[0];
  const add = (from: any) => {
    const copy = clone(from);
    if (copy && typeof copy === 'object' && 'id' in copy) copy.id = freshId(list(), copy.id);
    if (copy && typeof copy === 'object' && 'name' in copy) copy.name = copyName(copy.name);
    props.ws.edit(props.path, [...list(), copy]);
  };
  const addNew = () => props.ws.edit(props.path, [...list(), neutralItem(String(props.path[props.path.length - 1]), template(), list(), lang())]);
  const isObjects = () => list().every((x) => x && typeof x === 'object');
  return (
    <Show when={isObjects()} fallback={<TextField ws={props.ws} path={props.path} label={props.label} />}>
      <div class="list" data-list={pathString(props.path)}>
        <For each={list()}>
          {(item, i) => {
            const body = lazyBody(false, () => [pathString([...props.path, i()])]);
            return (
              <details class="group item" data-testid={`item-${pathString([...props.path, i()])}`} onToggle={body.onToggle}>
                <summary>
                  <span class="item-name">{itemName(item, i())}</span>
                  <Show when={errorsUnder(props.ws, [...props.path, i()]).length > 0}>
                    <span class="err-count"> ⚠ {errorsUnder(props.ws, [...props.path, i()]).length}</span>
                  </Show>
                </summary>
                <div class="item-actions">
                  <button type="button" class="mini" onClick={() => add(list()[i()])}>
                    {t('copy')}
                  </button>
                  <button type="button" class="mini" onClick={() => props.ws.edit([...props.path, i()], undefined)}>
                    {t('remove')}
                  </button>
                </div>
                <Show when={body.made()}>
                  <div class="group-body">
                    <For each={Object.keys(item ?? {})}>{(k) => <FieldNode ws={props.ws} path={[...props.path, i(), k]} />}</For>
                    <AddField ws={props.ws} path={[...props.path, i()]} />
                  </div>
                </Show>
              </details>
            );
          }}
        </For>
        <Show when={template()}>
          <button type="button" class="add" data-testid={`add-${pathString(props.path)}`} onClick={addNew}>
            + {t('add')}
          </button>
        </Show>
        <FieldErrors messages={props.ws.errorsAt(props.path).map((m) => fieldMessage(props.ws.scenario, props.path, m, lang()))} id={`${fieldId(props.path)}-err`} />
      </div>
    </Show>
  );
}
