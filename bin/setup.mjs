// What `npm start` and `npm test` need before they can run, installed when it is missing.
// Plain Node (no TypeScript, no dependencies): it runs before `npm install` has.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`\n${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).\n`);
    process.exit(r.status ?? 1);
  }
}

/** npm packages: installed from the lock file when node_modules is missing or older than it. */
export function ensurePackages() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing the npm packages (package-lock.json)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/**
 * Debian's chromium for the browser tests (never a browser download). As root it is installed
 * with apt-get, as CI and these machines run; otherwise the one command to run is printed.
 */
export function ensureChromium() {
  const hasParallel = spawnSync('sh', ['-c', 'command -v parallel'], { stdio: 'ignore' }).status === 0;
  if (existsSync(CHROMIUM) && hasParallel) return;
  if (existsSync(CHROMIUM)) {
    // GNU parallel only runs the sharded-study example test; without it that test is skipped.
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      spawnSync('apt-get', ['install', '-y', '-qq', 'parallel'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    return;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !hasApt || process.env.CHROMIUM_PATH) {
    process.stderr.write(
      `\nThe browser tests need Debian's Chromium, which is not installed (${CHROMIUM} is missing).\n` +
        `Install it with this one command, then run npm test again:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium package for the browser tests, and GNU parallel for the sharded-study test (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'parallel'], env);
  console.log(execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim());
}

const what = process.argv[2];
if (what === 'packages') ensurePackages();
else if (what === 'test') {
  ensurePackages();
  ensureChromium();
} else if (what !== undefined) {
  process.stderr.write(`usage: node bin/setup.mjs packages|test\n`);
  process.exit(2);
}
