// `npm start`: the dev server with the default scenario. The browser is opened only where there is
// a display to open it on; the address is printed either way (Vite prints it as well).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const args = ['vite', ...(headless ? [] : ['--open'])];
console.log(`\nProeftuin: open the "Local:" address below in a browser${headless ? ' (no display here, so none is opened)' : ''}.\n`);
const child = spawn('npx', args, { cwd: ROOT, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
