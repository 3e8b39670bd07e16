import type uPlot from 'uplot';

import { axisFont } from './chartDefaults';

export { axisFont };

export function yearAxis(label: string): uPlot.Axis {
  return {
    label,
    font: axisFont,
    labelFont: axisFont,
    // whole years only, without thousands separators
    incrs: [1, 2, 5, 10],
    values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')),
  };
}
