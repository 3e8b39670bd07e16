import { render } from 'solid-js/web';
import { App } from './App';
import './styles.css';
import { warmUpFonts } from './components/fontWarmUp';
import { askPersistence, loadWorkspace } from './workspace/persist';

// The workspace is in IndexedDB (asynchronous): read it first, so the page opens on it.
const loaded = await loadWorkspace();
render(() => <App loaded={loaded} />, document.getElementById('app')!);
// Kept work should survive the browser's clean-ups under storage pressure.
void askPersistence();
// Fonts of the result views, looked up while the workers start (the first run waits for it).
void warmUpFonts();

// The built site keeps itself in a cache so that it works offline after the first visit
// (src/sw/serviceWorker.ts). Not in development: Vite serves unbundled modules there.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => {
    // e.g. a file:// page or a private window without storage: the app works online as before
  });
}
