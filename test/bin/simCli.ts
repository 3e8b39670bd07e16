import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../helpers';

export const exec = promisify(execFile);

/** `npm run sim -- …` as the tests run it (through tsx, from the sources), with its exit code and output. */
export const sim = (...args: string[]) =>
  exec(process.execPath, ['--import', 'tsx', join(root, 'bin/sim.ts'), ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
