import type { Lang } from '../i18n';
import type { Path } from '../workspace/paths';

/**
 * Fields that hold a share (a fraction 0–1 in the file): the editor shows and reads them as
 * percentages. Decided by the field's key, or by its parent for maps of shares (split per party,
 * deductible per care line, effects per care line).
 */
const SHARE_KEYS = new Set([
  'targetReduction',
  'confidence',
  'share',
  'growth',
  'rate',
  'coverage',
  'trend',
  'eligible',
  'maxShift',
  'refill',
  'highCostRate',
  'fixedShare',
  'adjustment',
  'insurerMargin',
  'costTarget',
  'sharingRate',
  'lossSharingRate',
  'savingsCap',
  'lossCap',
  'discount',
  'loading',
  'glide',
  'band',
  'marginal',
  'fixed',
  'ratchet',
  'weights',
]);
/** Maps whose every entry is a share. */
const SHARE_MAPS = new Set(['deductibleShare', 'split', 'owner', 'payer']);
/** Shares per year (a growth rate). */
const PER_YEAR = new Set(['growth', 'trend', 'glide']);
/** Parts of a distribution in the unit of the value itself (the others, such as α and shape, have none). */
const SAME_UNIT = new Set(['value', 'min', 'mode', 'max', 'mean', 'sd', 'scale']);

/** The path of the field itself when `path` points into a distribution (`…eligible.mode` → `…eligible`). */
function fieldPath(path: Path, isParam: (p: Path) => boolean): { field: Path; sub?: string } {
  const last = path[path.length - 1];
  if (typeof last === 'string' && path.length > 1 && isParam(path.slice(0, -1))) return { field: path.slice(0, -1), sub: last };
  return { field: path };
}

function isShareKey(field: Path): boolean {
  const k = field[field.length - 1];
  const parent = field[field.length - 2];
  const grand = field[field.length - 3];
  if (typeof k !== 'string') return false;
  if (k === 'max' && parent === 'reach') return true;
  if ((parent === 'contacts' || parent === 'price') && grand === 'effects') return true;
  if (typeof parent === 'string' && SHARE_MAPS.has(parent)) return true;
  return SHARE_KEYS.has(k);
}

/**
 * True when the number at `path` is shown as a percentage. `isParam` tells whether a path is a
 * parameter (number or distribution), so that a distribution's parts inherit the field's unit.
 */
export function isShareAt(path: Path, isParam: (p: Path) => boolean): boolean {
  const { field, sub } = fieldPath(path, isParam);
  if (sub !== undefined && !SAME_UNIT.has(sub)) return false;
  return isShareKey(field);
}

/** The unit shown with a share field. */
export function shareUnit(path: Path, lang: Lang): string {
  const k = path[path.length - 1];
  return typeof k === 'string' && PER_YEAR.has(k) ? (lang === 'nl' ? '% per jaar' : '% per year') : '%';
}
