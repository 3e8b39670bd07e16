// A region from the Vektis open data file a user downloaded:
//   npm run region -- <vektis.csv> --areas "MAASTRICHT,VAALS,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year 2023] --out region.json
// With --base <scenario.json> the output is a complete scenario: the base's segments, interventions,
// substitution and contracts kept, its population and price level those of the data.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, VektisError, parseVektis } from '../models/region/vektis';
import { DEFAULT_BANDS, nationalRatesFromFile, parseBands, selectRegion } from '../models/region/select';
import { CalibrationError, calibrate } from '../models/analysis/calibrate';
import { parseScenarioText } from '../models/pipeline/validate';
import { formatErrors } from '../models/core/issues';

const USAGE = 'usage: npm run region -- <vektis.csv> --areas "NAME,NAME,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year YYYY] [--base scenario.json] [--out region.json]';

/** Text from a file, printed without its control characters (a file must not drive the terminal). */
const cleanText = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');

function fail(code: number, msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { areas: { type: 'string' }, bands: { type: 'string' }, year: { type: 'string' }, base: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
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
    region = selectRegion(
      file,
      o.areas
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      bands,
      rates,
    );
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
  if (o.base) {
    writeScenario(o.base, o.out, region, year, source);
    return;
  }
  if (o.out) {
    const out = { format: 'proeftuin-region', formatVersion: 1, source, file: { name: basename(path), sha256, year }, columns: file.costColumns, region };
    writeAtomic(
      o.out,
      JSON.stringify(out, (_, v) => (v === Infinity ? null : v), 2),
    );
    process.stderr.write(`region written to ${o.out}\n`);
  }
}

function writeAtomic(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(1, `${path}: ${(e as Error).message}`);
  }
}

/** The base scenario calibrated to the region, printed line group by line group and written to `out`. */
function writeScenario(basePath: string, out: string | undefined, region: ReturnType<typeof selectRegion>, year: string, source: string) {
  let text: string;
  try {
    text = readFileSync(basePath, 'utf8');
  } catch (e) {
    fail(2, `${basePath}: ${(e as Error).message}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) fail(2, `${basePath}:\n${cleanText(formatErrors(parsed.errors))}`);
  const dataYear = Number(year);
  if (!Number.isInteger(dataYear)) fail(64, `the data year cannot be read from the file name: give --year`);
  let cal;
  try {
    cal = calibrate(parsed.scenario, { costPerInsuredYear: region.costPerInsuredYear, insuredYears: region.insuredYears, dataYear, source });
  } catch (e) {
    if (e instanceof CalibrationError) fail(2, `${basePath}: ${e.message}`);
    throw e;
  }
  const s = cal.scenario;
  s.region.name = region.areas.join(', ');
  const eur = (v: number) => `€${Math.round(v).toLocaleString('en')}`;
  process.stdout.write(`calibrated to ${s.simulation.startYear} prices (cost per insured, start year):\n`);
  for (const g of cal.groups)
    process.stdout.write(
      `  ${g.lines.join(' + ').padEnd(22)} ${eur(g.before).padStart(8)} → ${eur(g.target).padStart(8)}  (data ${eur(g.target / g.index)} × index ${g.index.toFixed(4)}; cost per contact × ${g.factor.toFixed(4)})\n`,
    );
  if (cal.outside.length) process.stdout.write(`not in any modelled line (per insured-year, ${dataYear}): ${cal.outside.map((x) => `${x.category} ${eur(x.perInsuredYear)}`).join(', ')}\n`);
  process.stdout.write(
    `person-cost CV ${cal.personCv.toFixed(2)} (published: 2–3, domain.md); costliest 1% carry ${(100 * cal.top1.share).toFixed(1)}% ± ${(100 * cal.top1.se).toFixed(1)}% of the cost (published: 23–25%)\n`,
  );
  if (out) {
    writeAtomic(out, JSON.stringify(s, null, 2) + '\n');
    process.stderr.write(`scenario written to ${out}\n`);
  }
}

main();
