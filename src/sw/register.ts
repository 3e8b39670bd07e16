/**
 * The built site keeps itself in a cache so that it works offline after the first visit
 * (serviceWorker.ts). Installing it fetches and stores every script of the site, close to a second
 * of CPU on a two-core laptop, so it waits until the first answer is drawn (or, without a first
 * run, a while after opening) instead of taking a core from the run a person is waiting for.
 * Not in development: Vite serves unbundled modules there.
 */
let registered = false;

/** Registers the service worker, once; later calls do nothing. */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => {
    // e.g. a file:// page or a private window without storage: the app works online as before
  });
}

/** Without a first answer (a file that does not validate, a run waiting to be confirmed), it registers this long after opening. */
export const REGISTER_ANYWAY_MS = 20_000;
