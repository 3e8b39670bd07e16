// The browser end-to-end suite (`npm run test:e2e`, after `npm run build`): one spec file per
// feature in test/e2e/specs/, in Debian's Chromium (no browser is downloaded: @playwright/test is
// only the runner). One spec or some checks: `npx playwright test 22-tabs` (file names) or
// `npx playwright test -g "share link"` (test titles).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e/specs',
  testMatch: '*.spec.ts',
  outputDir: 'test-artifacts/playwright',
  // Two browsers at most: the machine has two cores and each page runs two web workers.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  // A hang guard only (the longest test, 2,000 runs plus a goal search, takes about a minute); no timing is asserted.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
