import { beforeAll, describe, expect, it } from 'vitest';

/** A Storage over a Map (Node has no localStorage); enough for the run marks. */
class MapStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

let mod: typeof import('../../../src/run/inProgress');
const storage = new MapStorage();
beforeAll(async () => {
  (globalThis as any).localStorage = storage;
  mod = await import('../../../src/run/inProgress');
});

const mark = (tab: string) => storage.setItem(`proeftuin.runInProgress.${tab}`, JSON.stringify({ tab, startedAt: '2026-12-03T06:00:00.000Z', title: 'x' }));

describe('interruptedRun: marks of tabs that are gone', () => {
  it('a mark that nobody answers for and that stays is an interrupted run', async () => {
    mark('gone');
    const found = await mod.interruptedRun();
    expect(found?.keys).toEqual(['proeftuin.runInProgress.gone']);
    mod.forgetInterrupted(found);
    expect(storage.length).toBe(0);
  });

  it('a mark cleared while the page waits for answers is a run that ended normally, not an interrupted one', async () => {
    // Its tab had just finished (so it no longer answered) and clears the mark during the wait.
    mark('finishing');
    setTimeout(() => storage.removeItem('proeftuin.runInProgress.finishing'), 50);
    expect(await mod.interruptedRun()).toBeNull();
  });
});
