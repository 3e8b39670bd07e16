// The site's Content-Security-Policy, in one place: vite.config.ts sends it as a header from the
// dev server and `vite preview`, writes it into index.html as a <meta> tag and into dist/_headers
// for static hosts; the end-to-end server sends the same header. A <meta> policy does not reach
// web workers (a worker's policy comes from its own response), so the header is what keeps eval
// out of the workers. No 'unsafe-eval' anywhere: the engine, zod (jitless) and the formula
// language run without it. Styles may be inline because charts and Solid set style attributes.

const BASE: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The policy of the built site. `dev`: the Vite dev server's hot-reload socket may connect too. */
export function contentSecurityPolicy(opts: { dev?: boolean } = {}): string {
  const d = { ...BASE, 'connect-src': opts.dev ? [...BASE['connect-src'], 'ws://localhost:*', 'ws://127.0.0.1:*'] : BASE['connect-src'] };
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The built site's policy. */
export const CSP = contentSecurityPolicy();
