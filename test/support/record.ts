import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckRecord, CheckRow } from '../../models/verification';

/**
 * The figures of the checks the test suite makes against an outside reference or a closed form,
 * written when those tests run so that `npm run build` can publish them on the page "How do we
 * know it is right?". One file per check (test files run in parallel processes, so they never
 * write the same file); the build reads the folder.
 */
export const VERIFICATION_DIR = fileURLToPath(new URL('../../test-artifacts/verification/', import.meta.url));

let commitCache: { commit: string; dirty: boolean } | null = null;
/** The commit the checked code belongs to, and whether the worktree differed from it. */
export function currentCommit(): { commit: string; dirty: boolean } {
  if (commitCache) return commitCache;
  const git = (args: string[]) => execFileSync('git', args, { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' }).trim();
  try {
    commitCache = { commit: git(['rev-parse', 'HEAD']), dirty: git(['status', '--porcelain', '--untracked-files=no']).length > 0 };
  } catch {
    commitCache = { commit: 'unknown', dirty: false };
  }
  return commitCache;
}

/** Whether |result − reference| ≤ tolerance: the verdict of a comparison row. */
export const within = (result: number, reference: number, tolerance: number): boolean => Math.abs(result - reference) <= tolerance;

/**
 * Records one check's figures. Call it with the numbers the test's assertions are about, before
 * asserting, so a failing check is published as failing.
 */
export function recordCheck(check: { id: string; test: string; rows: CheckRow[]; environment?: string }): CheckRecord {
  const { commit, dirty } = currentCommit();
  const rec: CheckRecord = {
    id: check.id,
    test: check.test,
    rows: check.rows,
    verdict: check.rows.every((r) => r.pass) ? 'pass' : 'fail',
    commit,
    dirty,
    measuredAt: new Date().toISOString(),
    environment: check.environment ?? `Node ${process.version}`,
  };
  mkdirSync(VERIFICATION_DIR, { recursive: true });
  writeFileSync(
    join(VERIFICATION_DIR, `${check.id}.json`),
    JSON.stringify(rec, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
  );
  return rec;
}
