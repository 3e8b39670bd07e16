import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { atomically } from '../../bin/atomic';
import { writeSamplesCsv } from '../../bin/samplesCsv';
import { run, smallInput } from '../helpers';

/**
 * A disk that fills up: passes the first `room` bytes to the real file, then fails every write
 * with ENOSPC, as the kernel does. The bytes before the failure do reach the (temporary) file, so
 * a test can see whether the half-written file is cleaned up.
 */
function fullDiskAfter(room: number) {
  let written = 0;
  const opened: string[] = [];
  const open = (path: string) => {
    opened.push(path);
    const file = createWriteStream(path);
    return new Writable({
      write(chunk: Buffer, _enc, done) {
        const fits = Math.max(0, Math.min(chunk.length, room - written));
        written += fits;
        const fail = () => done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
        if (fits < chunk.length) return fits > 0 ? file.write(chunk.subarray(0, fits), fail) : fail();
        file.write(chunk, done);
      },
      final(done) {
        file.end(done);
      },
      destroy(e, done) {
        // Done once the file is closed, as a real file stream is: it may still be being opened.
        if (file.closed) return done(e);
        file.once('close', () => done(e));
        file.destroy();
      },
    });
  };
  return { open, opened, written: () => written };
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp'));

describe('output files when the disk fills up or the folder is gone', () => {
  const { model, block } = run(smallInput({ population: 5_000 }), 40);
  const paths = model.registry.slots.map((s) => s.path);

  it('--samples: a full disk part way leaves neither a partial file nor a .tmp, and says which file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-full-'));
    const target = join(dir, 'samples.csv');
    // The whole file, for scale: the disk is made to fill up a third of the way through it.
    const whole = join(dir, 'whole.csv');
    await writeSamplesCsv(whole, block, paths, 2026);
    const size = readFileSync(whole).length;
    expect(size).toBeGreaterThan(30_000);
    const disk = fullDiskAfter(Math.floor(size / 3));
    const failed = await atomically(target, (tmp) => writeSamplesCsv(tmp, block, paths, 2026, disk.open)).then(
      () => null,
      (e: Error) => e,
    );
    expect(failed?.message).toBe(`could not write ${target}: ENOSPC: no space left on device, write`);
    // the failure did happen part way, into the temporary file beside the target
    expect(disk.opened).toEqual([`${target}.tmp-${process.pid}`]);
    expect(disk.written()).toBe(Math.floor(size / 3));
    expect(existsSync(target)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['whole.csv']);
  });

  it('--samples: a file already there is left as it was when the new one cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-full-'));
    const target = join(dir, 'samples.csv');
    writeFileSync(target, 'the previous samples\n');
    const disk = fullDiskAfter(1000);
    await expect(atomically(target, (tmp) => writeSamplesCsv(tmp, block, paths, 2026, disk.open))).rejects.toThrow(`could not write ${target}: ENOSPC`);
    expect(readFileSync(target, 'utf8')).toBe('the previous samples\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('--samples: a disk full from the first byte, and a folder removed after the check, give the same clear refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-full-'));
    const target = join(dir, 'samples.csv');
    await expect(atomically(target, (tmp) => writeSamplesCsv(tmp, block, paths, 2026, fullDiskAfter(0).open))).rejects.toThrow(`could not write ${target}: ENOSPC`);
    expect(readdirSync(dir)).toEqual([]);
    const gone = join(dir, 'gone', 'samples.csv');
    const e = await atomically(gone, (tmp) => writeSamplesCsv(tmp, block, paths, 2026)).then(
      () => null,
      (x: Error) => x,
    );
    expect(e?.message).toMatch(new RegExp(`^could not write ${gone.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ENOENT: no such file or directory`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out: a write that fails after part of the file leaves no .tmp and keeps the previous file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-full-'));
    const target = join(dir, 'results.json');
    writeFileSync(target, '{"previous":true}');
    // --out writes with writeFileSync: here half the text lands before the disk is full.
    const text = JSON.stringify({ runs: block.runs, cols: block.cols.slice(0, 3).map((c) => Array.from(c)) });
    const e = await atomically(target, (tmp) => {
      writeFileSync(tmp, text.slice(0, text.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }).then(
      () => null,
      (x: Error) => x,
    );
    expect(e?.message).toBe(`could not write ${target}: ENOSPC: no space left on device, write`);
    expect(readFileSync(target, 'utf8')).toBe('{"previous":true}');
    expect(leftovers(dir)).toEqual([]);
    // and a write that succeeds replaces it whole
    await atomically(target, (tmp) => writeFileSync(tmp, text));
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(leftovers(dir)).toEqual([]);
  });
});
