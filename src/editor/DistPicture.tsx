import { DIST_FACTS, partValues } from '../../models/scenario/distributions';
import type { Distribution } from '../../models/scenario/param';

/**
 * A small picture of a distribution's density (drawing only; the shape and the range shown come
 * from the table of kinds). Helps the room see what "PERT 2 / 5 / 8" means.
 */
export function DistPicture(props: { dist: Distribution }) {
  const W = 90;
  const H = 26;
  const path = () => {
    const d = props.dist;
    const facts = DIST_FACTS[d.dist];
    if (!facts) return '';
    const { lo, hi, density: f } = facts.picture(partValues(d));
    if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return '';
    const n = 40;
    const ys = Array.from({ length: n + 1 }, (_, i) => f(lo + ((hi - lo) * i) / n));
    const top = Math.max(...ys.filter(Number.isFinite));
    if (!(top > 0)) return '';
    const d2 = ys.map((y, i) => `${i === 0 ? 'M' : 'L'}${((W * i) / n).toFixed(1)},${(H - 1 - ((H - 3) * (Number.isFinite(y) ? y : top)) / top).toFixed(1)}`).join(' ');
    return d2.includes('NaN') ? '' : d2;
  };
  return (
    <svg class="dist-pic" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {/* While a bound is being typed there may be no shape: an empty move, not a broken path. */}
      <path d={path() ? `${path()} L${W},${H} L0,${H} Z` : 'M0,0'} fill="rgba(0,114,178,0.2)" stroke="none" />
      <path d={path() || 'M0,0'} fill="none" stroke="#0072B2" stroke-width="1.5" />
    </svg>
  );
}
