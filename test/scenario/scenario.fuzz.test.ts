import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../models/pipeline/validate';
import { decodeScenarioBytes } from '../../models/scenario/text';
import { clone, defaultInput, root, smallInput } from '../helpers';
import { fuzzRuns, fuzzSeed } from '../support/fuzzRuns';

const text = readFileSync(`${root}/scenarios/default.json`, 'utf8');

/** Every container path of a JSON value (as key lists). */
function containers(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) (out.push(at), v.forEach((x, i) => containers(x, [...at, i], out)));
  else if (v && typeof v === 'object') (out.push(at), Object.entries(v).forEach(([k, x]) => containers(x, [...at, k], out)));
  return out;
}

const encode = (t: string, how: number): Uint8Array => {
  const le = Buffer.from(t, 'utf16le');
  switch (how) {
    case 0:
      return Buffer.from(t, 'utf8');
    case 1:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
    case 2:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    default:
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
  }
};

describe('fuzzing the scenario format', () => {
  it('file text in any encoding, cut or with characters inserted, is read or refused with a message, never thrown', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.nat(text.length), { nil: undefined }),
        fc.array(fc.tuple(fc.nat(text.length), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' })), { maxLength: 3 }),
        (how, cut, inserts) => {
          let t = cut === undefined ? text : text.slice(0, cut);
          for (const [at, s] of inserts) t = t.slice(0, at) + s + t.slice(at);
          const r = parseScenarioText(decodeScenarioBytes(encode(t, how)));
          if (t === text) expect(r.ok).toBe(true);
          if (!r.ok) for (const e of r.errors) expect(e.path.length * e.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: fuzzRuns(400), seed: fuzzSeed(1901) },
    );
  });

  it('__proto__ keys and deep nesting put anywhere are refused at the place they were put', () => {
    for (const base of [defaultInput(), smallInput()]) {
      const all = containers(base);
      fc.assert(
        fc.property(fc.nat(all.length - 1), fc.constantFrom('proto', 'deep', 'constructor'), fc.integer({ min: 41, max: 5000 }), (i, kind, depth) => {
          const s = clone(base) as any;
          let o = s;
          for (const k of all[i]) o = o[k];
          const key = Array.isArray(o) ? o.length : kind === 'proto' ? '__proto__' : 'extraField';
          let v: unknown = 1;
          if (kind === 'deep') for (let d = 0; d < depth; d++) v = [v];
          if (kind === 'proto') Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
          else o[key] = v;
          const r = validateScenario(s);
          expect(r.ok).toBe(false);
          expect(({} as any).polluted).toBeUndefined();
          if (kind === 'proto') expect(r.ok ? [] : r.errors).toContainEqual(expect.objectContaining({ message: 'unknown field(s): "__proto__"' }));
        }),
        { numRuns: fuzzRuns(300), seed: fuzzSeed(1902) },
      );
    }
  });
});
