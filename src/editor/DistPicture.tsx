import type { Distribution } from '../../models/scenario/param';

/**
 * A small picture of a distribution's density (drawing only; shape from the closed-form density,
 * unnormalised). Helps the room see what "PERT 2 / 5 / 8" means.
 */
export function DistPicture(props: { dist: Distribution }) {
  const W = 90;
  const H = 26;
  const path = () => {
    const d = props.dist;
    let lo: number, hi: number, f: (x: number) => number;
    switch (d.dist) {
      case 'uniform':
        lo = d.min;
        hi = d.max;
        f = () => 1;
        break;
      case 'triangular':
        lo = d.min;
        hi = d.max;
        f = (x) => (x <= d.mode ? (x - d.min) / Math.max(1e-12, d.mode - d.min) : (d.max - x) / Math.max(1e-12, d.max - d.mode));
        break;
      case 'pert': {
        lo = d.min;
        hi = d.max;
        const l = d.lambda ?? 4;
        const r = Math.max(1e-12, d.max - d.min);
        const a = 1 + (l * (d.mode - d.min)) / r;
        const b = 1 + (l * (d.max - d.mode)) / r;
        f = (x) => {
          const u = (x - d.min) / r;
          return u <= 0 || u >= 1 ? 0 : Math.exp((a - 1) * Math.log(u) + (b - 1) * Math.log(1 - u));
        };
        break;
      }
      case 'normal':
        lo = d.mean - 3 * d.sd;
        hi = d.mean + 3 * d.sd;
        f = (x) => Math.exp(-0.5 * ((x - d.mean) / Math.max(1e-12, d.sd)) ** 2);
        break;
      case 'lognormal': {
        const s2 = Math.log(1 + (d.sd / d.mean) ** 2);
        const m = Math.log(d.mean) - s2 / 2;
        lo = 0;
        hi = d.mean + 4 * d.sd;
        f = (x) => (x <= 0 ? 0 : Math.exp(-((Math.log(x) - m) ** 2) / (2 * s2)) / x);
        break;
      }
      case 'beta': {
        lo = d.min ?? 0;
        hi = d.max ?? 1;
        const r = Math.max(1e-12, hi - lo);
        f = (x) => {
          const u = (x - lo) / r;
          return u <= 0 || u >= 1 ? 0 : Math.exp((d.alpha - 1) * Math.log(u) + (d.beta - 1) * Math.log(1 - u));
        };
        break;
      }
      case 'gamma':
        lo = 0;
        hi = d.shape * d.scale + 4 * Math.sqrt(d.shape) * d.scale;
        f = (x) => (x <= 0 ? 0 : Math.exp((d.shape - 1) * Math.log(x) - x / d.scale));
        break;
    }
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
