import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStore } from '../../bin/spillFile';

describe('the temporary file that spilled runs are kept in', () => {
  it('gives back what was appended, by position, and leaves nothing behind once closed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spill-test-'));
    try {
      const s = fileStore(dir);
      const a = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
      const b = Uint8Array.from({ length: 300 }, (_, i) => 255 - (i % 7));
      expect(s.append(a)).toBe(0);
      expect(s.append(b)).toBe(1000);
      expect(s.bytes()).toBe(1300);
      const back = new Uint8Array(350);
      s.read(back, 950);
      expect([...back]).toEqual([...a.subarray(950), ...b]);
      expect(() => s.read(new Uint8Array(10), 1295)).toThrow(/end at byte 1300/);
      s.close();
      s.close();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
