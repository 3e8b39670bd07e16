/**
 * JSON with object keys sorted, so that equal scenarios hash equally whatever their key order; −0
 * is written as such (JSON.stringify writes 0), since a sign of zero can reach a result.
 */
export function canonicalJson(v: unknown): string {
  if (Object.is(v, -0)) return '-0';
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/**
 * The part of a scenario that is hashed: everything but the top-level `results` summary, which
 * describes a run of the scenario (hashing it would make the hash circular, and a file with or
 * without its summary is the same scenario).
 */
export function hashedPart(scenario: unknown): unknown {
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario) || !('results' in scenario)) return scenario;
  const { results: _results, ...rest } = scenario as Record<string, unknown>;
  return rest;
}

/** SHA-256 (hex) of the canonical JSON of a scenario (without its results summary); recorded in every result file. */
export async function scenarioHash(scenario: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(hashedPart(scenario)));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
