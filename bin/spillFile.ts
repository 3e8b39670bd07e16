import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunStore } from '../models/runner/spill';

/**
 * A store for spilled runs in a file of its own under the temporary folder (TMPDIR), removed when
 * closed. On POSIX systems the file is unlinked as soon as it is open, so it goes with the process
 * even when the process is killed.
 */
export function fileStore(dir = tmpdir()): RunStore & { close(): void; bytes(): number } {
  const folder = mkdtempSync(join(dir, 'proeftuin-runs-'));
  const path = join(folder, 'runs.bin');
  const fd = openSync(path, 'w+');
  const unlinked = process.platform !== 'win32';
  if (unlinked) {
    unlinkSync(path);
    rmSync(folder, { recursive: true, force: true });
  }
  let size = 0;
  let open = true;
  return {
    append(bytes) {
      const at = size;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off, at + off);
      size += bytes.length;
      return at;
    },
    read(into, position) {
      for (let off = 0; off < into.length;) {
        const n = readSync(fd, into, off, into.length - off, position + off);
        if (n === 0) throw new Error(`the spilled runs end at byte ${position + off} (the temporary file was changed)`);
        off += n;
      }
    },
    bytes: () => size,
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      if (!unlinked) rmSync(folder, { recursive: true, force: true });
    },
  };
}
