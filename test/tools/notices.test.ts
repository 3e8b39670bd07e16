import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackageDirs, noticeText, readPackage } from '../../tools/notices';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; license: string };
const runtime = Object.keys(pkg.dependencies);

describe('third-party notices', () => {
  it('the project has the LICENSE its package.json claims', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^MIT License/);
    expect(text).toContain('Proeftuin contributors');
  });

  it('finds packages through source maps (workers included) and lists every runtime dependency with its licence text', () => {
    // A fake dist whose one source map points into every runtime dependency, as the bundles' do.
    const dist = mkdtempSync(join(tmpdir(), 'notices-'));
    mkdirSync(join(dist, 'assets'));
    const sources = runtime.map((n) => relative(join(dist, 'assets'), join(ROOT, 'node_modules', n, 'index.js')));
    writeFileSync(join(dist, 'assets', 'sim.worker-x.js.map'), JSON.stringify({ version: 3, sources: [...sources, '../../src/main.tsx'] }));
    const dirs = bundledPackageDirs(dist);
    expect(dirs.length).toBe(runtime.length);
    const pkgs = dirs.map(readPackage);
    const text = noticeText('Proeftuin', pkgs);
    for (const p of pkgs) {
      expect(runtime).toContain(p.name);
      expect(text).toContain(`${p.name}@${p.version}\nLicense: ${p.license}`);
    }
    // the licences the brief names, with their texts
    const by = (n: string) => pkgs.find((p) => p.name === n)!;
    expect(by('comlink').license).toBe('Apache-2.0');
    expect(by('mathjs').license).toBe('Apache-2.0');
    expect(by('solid-js').license).toBe('MIT');
    expect(by('zod').license).toBe('MIT');
    expect(by('idb-keyval').license).toBe('Apache-2.0');
    expect(text).toContain('Apache License');
    expect(text).toContain('Permission is hereby granted, free of charge');
    // seedrandom ships no licence file: the MIT text it declares is written out
    expect(by('seedrandom').files.length).toBe(0);
    expect(text).toMatch(/seedrandom@[\d.]+\nLicense: MIT\n[\s\S]*?MIT licence \(no licence file/);
  });

  it('a package whose licence has two parts (Apache-2.0 AND BSL-1.0) keeps both texts', () => {
    const dir = join(ROOT, 'node_modules', '@stdlib', 'math-base-special-betainc');
    const p = readPackage(dir);
    expect(p.license).toBe('Apache-2.0 AND BSL-1.0');
    const text = noticeText('Proeftuin', [p]);
    expect(text).toContain('Boost Software License');
    expect(text).toContain('Apache License');
  });
});
