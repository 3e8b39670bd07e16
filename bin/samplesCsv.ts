import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { RunBlock } from '../models/simulation/columns';

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes one row per run and year: run, calendar year, every drawn parameter (by its path in
 * the scenario file) and every output column. Numbers are written in full precision. `open` is
 * there for the tests, which make the disk fill up part way.
 */
export async function writeSamplesCsv(path: string, b: RunBlock, paramPaths: string[], startYear: number, open: (path: string) => Writable = createWriteStream): Promise<void> {
  const out = open(path);
  // A stream error (missing folder, full disk) rejects here at once; unobserved it would crash the
  // process with a stack trace, and a write waiting for 'drain' would wait forever.
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) =>
    out.on('error', (e) => {
      failure = e;
      reject(e);
    }),
  );
  failed.catch(() => {});
  const write = (s: string): Promise<void> => {
    if (failure) return Promise.reject(failure);
    return out.write(s) ? Promise.resolve() : Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };
  try {
    // Each financing model's result per party (revenue − cost) is written too, for audit.
    const results = b.names.flatMap((n, i) =>
      n.startsWith('fin.') && n.endsWith('.revenue') ? [{ name: `${n.slice(0, -'.revenue'.length)}.result`, rev: i, cost: b.names.indexOf(`${n.slice(0, -'.revenue'.length)}.cost`) }] : [],
    );
    await write(`${['run', 'year', ...paramPaths.map((p) => `param:${p}`), ...b.names, ...results.map((r) => r.name)].map(quote).join(',')}\n`);
    for (let r = 0; r < b.runs; r++) {
      const params = Array.from(b.params.subarray(r * b.nParams, (r + 1) * b.nParams), String).join(',');
      for (let y = 0; y < b.years; y++) {
        const row = r * b.years + y;
        let line = `${b.firstRun + r},${startYear + y},${params}`;
        for (const c of b.cols) line += `,${c[row]}`;
        for (const r of results) line += `,${b.cols[r.rev][row] - b.cols[r.cost][row]}`;
        await write(`${line}\n`);
      }
    }
    await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  } catch (e) {
    // Closed before the caller removes the temporary file: a file still being opened would
    // otherwise be created after its removal.
    if (!out.closed) await new Promise<void>((resolve) => (out.once('close', () => resolve()), out.destroy()));
    throw e;
  }
}
