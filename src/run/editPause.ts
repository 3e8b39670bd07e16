/**
 * How long the page waits after an edit before it recomputes by itself. Long enough that a
 * person typing a number is not interrupted between keys (each run started mid-number would show
 * numbers for a value nobody meant), short enough that the answer follows the last key quickly.
 * A fixed pause has to suit the slowest typist; this one follows the person at the keyboard: a
 * few times their usual gap between keys, within [MIN_MS, MAX_MS]. Until their rhythm is known
 * it is MAX_MS, the fixed pause it replaces.
 */
export const MIN_MS = 200;
export const MAX_MS = 400;
/** A person's gaps between keys vary: this many times their median leaves room for the slower ones. */
const GAP_FACTOR = 3;
/** Gaps longer than this are pauses between edits, not typing. */
const TYPING_GAP_MS = 1000;
/** The rhythm is the median of this many most recent gaps. */
const KEEP = 8;

export class EditPause {
  private last = -Infinity;
  private gaps: number[] = [];

  /** An edit at time `now` (ms); returns the pause to wait before recomputing. */
  edit(now: number): number {
    const gap = now - this.last;
    this.last = now;
    if (gap >= 0 && gap < TYPING_GAP_MS) {
      this.gaps.push(gap);
      if (this.gaps.length > KEEP) this.gaps.shift();
    }
    return this.pause();
  }

  /** The pause for the next edit, from the rhythm seen so far. */
  pause(): number {
    if (this.gaps.length < 2) return MAX_MS;
    const s = [...this.gaps].sort((a, b) => a - b);
    const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    return Math.min(MAX_MS, Math.max(MIN_MS, GAP_FACTOR * m));
  }
}
