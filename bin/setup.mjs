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

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * The Debian packages the browser tests use: chromium (never a browser download) and
 * poppler-utils (pdftoppm renders the printed report's pages to check them), both needed; GNU
 * parallel runs the sharded-study example test, which is skipped without it. As root they are
 * installed with apt-get, as CI and these machines run; otherwise the one command to run is printed.
 */
export function ensureDebianPackages() {
  const wanted = [
    { pkg: 'chromium', present: existsSync(CHROMIUM), needed: true },
    { pkg: 'poppler-utils', present: has('pdftoppm'), needed: true },
    { pkg: 'parallel', present: has('parallel'), needed: false },
  ];
  const missing = wanted.filter((w) => !w.present);
  if (missing.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const names = missing.map((w) => w.pkg).join(' ');
  if (!root || !has('apt-get') || process.env.CHROMIUM_PATH) {
    if (!missing.some((w) => w.needed)) return;
    process.stderr.write(
      `\nThe browser tests need Debian packages that are not installed: ${names}.\n` +
        `Install them with this one command, then run npm test again:\n\n    sudo apt-get update && sudo apt-get install -y ${names}\n\n`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages for the browser tests (apt-get): ${names}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', ...missing.map((w) => w.pkg)], env);
  console.log(execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim());
}

const what = process.argv[2];
if (what === 'packages') ensurePackages();
else if (what === 'test') {
  ensurePackages();
  ensureDebianPackages();
} else if (what !== undefined) {
  process.stderr.write(`usage: node bin/setup.mjs packages|test\n`);
  process.exit(2);
}
