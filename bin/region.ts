// A region from the Vektis open data file a user downloaded:
//   npm run region -- <vektis.csv> --areas "MAASTRICHT,VAALS,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year 2023] --out region.json
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, VektisError, parseVektis } from '../models/region/vektis';
import { DEFAULT_BANDS, nationalRatesFromFile, parseBands, selectRegion } from '../models/region/select';

const USAGE = 'usage: npm run region -- <vektis.csv> --areas "NAME,NAME,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year YYYY] [--out region.json]';

/** Text from a file, printed without its control characters (a file must not drive the terminal). */
const cleanText = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');

function fail(code: number, msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

function main() {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { areas: { type: 'string' }, bands: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    fail(64, `${(e as Error).message}\n${USAGE}`);
  }
  const { values: o, positionals } = args;
  if (o.help) fail(0, USAGE);
  if (positionals.length !== 1 || !o.areas) fail(64, USAGE);
  let bands;
  try {
    bands = parseBands(o.bands ?? DEFAULT_BANDS);
  } catch (e) {
    fail(64, `--bands: ${(e as Error).message}`);
  }
  const path = positionals[0];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    fail(2, `${path}: ${(e as Error).message}`);
  }
  const year = o.year ?? /(?:19|20)\d\d/.exec(basename(path))?.[0] ?? 'unknown year';
  let file;
  let region;
  try {
    file = parseVektis(bytes.toString('utf8'), { onProgress: (s) => process.stderr.isTTY && process.stderr.write(`\rreading ${(100 * s).toFixed(0)}%`) });
    if (process.stderr.isTTY) process.stderr.write('\n');
    // A file of every municipality holds the national rates itself.
    const rates = new Set(file.rows.map((r) => r.area)).size > 300 ? nationalRatesFromFile(file) : undefined;
    region = selectRegion(file, o.areas.split(',').map((a) => a.trim()).filter(Boolean), bands, rates);
  } catch (e) {
    if (e instanceof VektisError) fail(2, `${path}: ${cleanText(e.message)}`);
    throw e;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = `Bron: Vektis, Open Databestand Zvw ${year} (${basename(path)}, sha256 ${sha256.slice(0, 12)}), ${region.areaKind === 'gemeente' ? 'gemeenten' : 'postcode-3'}: ${region.areas.join(', ')}`;
  const eur = (v: number) => `€${Math.round(v).toLocaleString('en')}`;
  process.stdout.write(`${cleanText(source)}\n${region.insuredYears.toFixed(0)} insured-years; cost per insured-year:\n`);
  for (const c of CATEGORIES) process.stdout.write(`  ${c.padEnd(13)} ${eur(region.costPerInsuredYear[c]).padStart(8)}\n`);
  process.stdout.write(`  ${'total'.padEnd(13)} ${eur(CATEGORIES.reduce((s, c) => s + region.costPerInsuredYear[c], 0)).padStart(8)}\n`);
  if (region.standardised) process.stdout.write(`age–sex standardised cost ratio (actual ÷ at national rates): ${region.standardised.ratio.toFixed(3)}\n`);
  if (file.unmappedColumns.length) process.stderr.write(`columns counted as other Zvw care (no rule names them): ${file.unmappedColumns.join(', ')}\n`);
  if (file.rest.length) process.stderr.write(`${file.rest.length} rows of the rest category (small groups pooled by Vektis) are not in any area\n`);
  if (o.out) {
    const out = { format: 'proeftuin-region', formatVersion: 1, source, file: { name: basename(path), sha256, year }, columns: file.costColumns, region };
    const tmp = `${o.out}.tmp-${process.pid}`;
    try {
      writeFileSync(tmp, JSON.stringify(out, (_, v) => (v === Infinity ? null : v), 2));
      renameSync(tmp, o.out);
    } catch (e) {
      rmSync(tmp, { force: true });
      fail(1, `${o.out}: ${(e as Error).message}`);
    }
    process.stderr.write(`region written to ${o.out}\n`);
  }
}

main();
