import { fieldError, type FieldError } from '../core/issues';

/**
 * Deepest nesting of objects and arrays a scenario file may have. The format itself needs about
 * 7 levels; the limit only keeps a crafted file from overflowing the stack of the code that
 * copies, hashes or posts it to a worker (structured clone recurses).
 */
export const MAX_JSON_DEPTH = 40;

/** Keys that JavaScript treats specially on plain objects; no field of the format is named so. */
const FORBIDDEN_KEYS = ['__proto__'];

/**
 * Checks what the schema cannot see or would overflow on, without recursion and without the
 * schema library (the page calls it before posting a value to a worker): nesting deeper than
 * MAX_JSON_DEPTH, and a `__proto__` key anywhere (a record such as payer shares would silently
 * drop it). Returns the first problem of each kind, at its path.
 */
export function shapeErrors(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  let tooDeep = false;
  let forbidden = false;
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0 && !(tooDeep && forbidden)) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      if (!tooDeep) errors.push(fieldError(path || '(file)', 'nestedTooDeep', { max: MAX_JSON_DEPTH, need: 10 }));
      tooDeep = true;
      continue;
    }
    if (Array.isArray(v)) {
      // Only code can give an array a named key; JSON cannot.
      if (!forbidden && Object.prototype.hasOwnProperty.call(v, '__proto__')) {
        errors.push(fieldError(path || '(file)', 'unknownFields', { keys: ['__proto__'] }));
        forbidden = true;
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (FORBIDDEN_KEYS.includes(k)) {
        if (!forbidden) errors.push(fieldError(path || '(file)', 'unknownFields', { keys: [k] }));
        forbidden = true;
        continue;
      }
      stack.push({ v: (v as Record<string, unknown>)[k], path: path === '' ? k : `${path}.${k}`, depth: depth + 1 });
    }
  }
  return errors;
}
