import { textOf } from '../i18n';
import LZString from 'lz-string';
import { decodeScenarioBytes } from '../../models/scenario/text';
import { fieldError, type FieldError } from '../../models/core/issues';
import type { UiValidator } from '../../workers/uiValidatePool';
import type { ScenarioInput } from './store';
import type { ResultsSummary } from '../../models/summary/resultsSummary';

/** Starts a download of `text` as a file. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the scenario's title. */
export function fileNameFor(s: ScenarioInput, ext: string): string {
  const title = (textOf(s?.meta?.title) || 'scenario')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${title || 'scenario'}.${ext}`;
}

/** The scenario file's text; with `results`, its results summary goes last (after the scenario it describes). */
export function scenarioFileText(s: ScenarioInput, results?: ResultsSummary | null): string {
  const { results: _old, ...scenario } = s;
  return `${JSON.stringify(results ? { ...scenario, results } : scenario, null, 2)}\n`;
}

export type ImportResult = { ok: true; scenario: ScenarioInput; migratedFrom?: number; results?: ResultsSummary } | { ok: false; errors: FieldError[]; fileName: string };

/**
 * Reads a scenario file. A valid file comes back exactly as written (so it re-runs to the same
 * numbers); a bad one comes back with every error by field, and the caller leaves the workspace alone.
 */
export async function readScenarioFile(file: File, validator: UiValidator): Promise<ImportResult> {
  let text: string;
  try {
    // As the headless runner reads it: file.text() is UTF-8 unless a byte-order mark says otherwise,
    // and Windows editors save UTF-16 without one too.
    text = decodeScenarioBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    return { ok: false, fileName: file.name, errors: [fieldError('(file)', 'unreadable', { detail: (e as Error).message })] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, fileName: file.name, errors: [fieldError('(file)', 'json', { detail: (e as Error).message })] };
  }
  const v = await validator.validate(value);
  if (!v.ok) return { ok: false, errors: v.errors, fileName: file.name };
  // Keep the file as written (not the defaults-filled form) unless it had to be migrated.
  const raw = v.migratedFrom === undefined ? (value as ScenarioInput) : (v.scenario as ScenarioInput);
  // A results summary (checked by the validator) is shown beside the re-run, not kept in the
  // workspace: after an edit it would describe another scenario.
  const { results, ...scenario } = raw;
  return { ok: true, scenario, ...(results ? { results: results as ResultsSummary } : {}), ...(v.migratedFrom !== undefined ? { migratedFrom: v.migratedFrom } : {}) };
}

const HASH_KEY = 's';

/** A link to this page that carries the scenario, lz-string-compressed, in the URL fragment. */
export function shareUrl(s: ScenarioInput): string {
  const packed = LZString.compressToEncodedURIComponent(JSON.stringify(s));
  const u = new URL(location.href);
  u.hash = `${HASH_KEY}=${packed}`;
  return u.toString();
}

/** What the URL fragment holds: no scenario, one that cannot be read (cut off, damaged), or one to validate. */
export type LinkedScenario = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'scenario'; value: unknown };

export function scenarioFromUrl(hash = location.hash): LinkedScenario {
  // Not URLSearchParams: it would turn the '+' of lz-string's alphabet into a space.
  const m = new RegExp(`(?:^#|&)${HASH_KEY}=([^&]*)`).exec(hash);
  if (!m) return { kind: 'none' };
  try {
    const json = m[1] ? LZString.decompressFromEncodedURIComponent(m[1]) : null;
    if (!json) return { kind: 'unreadable' };
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? { kind: 'scenario', value } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** The address without the scenario fragment, so that a reload never replaces later edits by the link. */
export function dropScenarioFromUrl(): void {
  const rest = location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p && !p.startsWith(`${HASH_KEY}=`));
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest.length ? `#${rest.join('&')}` : ''}`);
}
