/** A minimal test harness: named checks, a tally, and the final `E2E: N passed, M failed` line. */
/** Thrown by a check whose failure is a known, reported issue outside the UI (counts as neither pass nor fail). */
export class KnownIssue extends Error {}

export class Harness {
  passed = 0;
  failed = 0;
  readonly known: string[] = [];
  readonly failures: string[] = [];

  async check(name: string, fn: () => Promise<void> | void): Promise<boolean> {
    const t0 = Date.now();
    try {
      await fn();
      this.passed++;
      console.log(`  ok    ${name} (${Date.now() - t0} ms)`);
      return true;
    } catch (e) {
      if (e instanceof KnownIssue) {
        this.known.push(`${name}: ${e.message}`);
        console.log(`  KNOWN ${name}: ${e.message}`);
        return false;
      }
      this.failed++;
      const msg = e instanceof Error ? e.message : String(e);
      this.failures.push(`${name}: ${msg}`);
      console.log(`  FAIL  ${name}: ${msg}`);
      return false;
    }
  }

  knownLine(): string | null {
    return this.known.length ? `E2E known issues (not counted): ${this.known.length}` : null;
  }

  summaryLine(): string {
    return `E2E: ${this.passed} passed, ${this.failed} failed`;
  }
}

export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}
