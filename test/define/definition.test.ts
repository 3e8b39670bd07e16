import { describe, expect, it } from 'vitest';
import { defaultInput, valid } from '../helpers';
import { defineScenario, runnable } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';

/** Paths of every value in `v` that structured cloning would not keep as plain data. */
function notPlainData(v: unknown, path = '', out: string[] = []): string[] {
  if (typeof v === 'function' || typeof v === 'symbol') out.push(path);
  else if (v instanceof Map) for (const [k, x] of v) notPlainData(x, `${path}<${String(k)}>`, out);
  else if (ArrayBuffer.isView(v) || v === null || typeof v !== 'object') return out;
  else {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== Array.prototype) out.push(`${path} (${proto?.constructor?.name ?? 'null prototype'})`);
    for (const [k, x] of Object.entries(v)) notPlainData(x, `${path}.${k}`, out);
  }
  return out;
}

describe('the define stage', () => {
  // The default scenario holds every contract kind, distributions and stop-loss thresholds.
  const def = defineScenario(valid(defaultInput()));

  it('gives pure data: no functions or class instances anywhere in the definition', () => {
    expect(notPlainData(def)).toEqual([]);
  });

  it('survives a structured clone (the way it crosses to a worker) with bit-identical runs', () => {
    const copy = structuredClone(def);
    expect(copy).toEqual(def);
    const a = simulateBlock(runnable(def), 0, 6, 'aggregate');
    const b = simulateBlock(runnable(copy), 0, 6, 'aggregate');
    expect(b.names).toEqual(a.names);
    a.cols.forEach((col, i) => expect(Array.from(b.cols[i]), a.names[i]).toEqual(Array.from(col)));
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
  });
});
