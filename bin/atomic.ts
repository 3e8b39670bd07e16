import { renameSync, rmSync } from 'node:fs';
import { oneLine } from './safeText';

/**
 * Writes through a temporary file in the same folder and renames, so a failed or interrupted
 * write never leaves a half-written file; the temporary file is removed when the write fails.
 * The error names the path the user asked for (not the temporary one) and carries no stack.
 */
export async function atomically(path: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`could not write ${oneLine(path)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
