import { render } from 'solid-js/web';
import { App } from './App';
import './styles.css';
import { warmUpFonts } from './components/fontWarmUp';
import { askPersistence, loadWorkspace } from './workspace/persist';
import { REGISTER_ANYWAY_MS, registerServiceWorker } from './sw/register';

// The workspace is in IndexedDB (asynchronous): read it first, so the page opens on it.
const loaded = await loadWorkspace();
render(() => <App loaded={loaded} />, document.getElementById('app')!);
// Kept work should survive the browser's clean-ups under storage pressure.
void askPersistence();
// Fonts of the result views, looked up while the workers start (the first run waits for it).
void warmUpFonts();

// The offline cache is made after the first answer (src/sw/register.ts), or in any case a while after opening.
setTimeout(registerServiceWorker, REGISTER_ANYWAY_MS);
