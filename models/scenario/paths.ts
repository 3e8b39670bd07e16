/** Splits a field path like `substitution[0].maxShift` into keys ['substitution', 0, 'maxShift']. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a field path: ${path}`);
    if (m[1]) keys.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(i[1]));
  }
  return keys;
}

/** A copy of `obj` with the value at `path` replaced (the path must exist). */
export function withValueAt<T>(obj: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let o = copy;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') throw new Error(`no field at ${path}`);
    o = o[k] as Record<string | number, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!Object.prototype.hasOwnProperty.call(o, last)) throw new Error(`no field at ${path}`);
  o[last] = value;
  return copy as T;
}
