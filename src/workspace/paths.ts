export type Path = (string | number)[];

/** The value at `path` inside `root`, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let v: any = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[p as any];
  }
  return v;
}

/** The same path notation as the validator's error paths: `region.segments[2].share`. */
export function pathString(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(file)' : out;
}

/** True when the path string `path` is `holder` or lies inside it (`holder.x`, `holder[3]`). */
export const pathUnder = (path: string, holder: string): boolean => path === holder || path.startsWith(holder + '.') || path.startsWith(holder + '[');

/** An element id for the field at `path`, so error messages can link to it. */
export const fieldId = (path: Path): string => `f-${pathString(path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
