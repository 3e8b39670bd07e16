// Joins the shard files of one study into the results file a single run of all runs writes:
//   npm run merge -- shard-*.bin --out results.json
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openShards } from './shardFiles';
import { compile } from '../models/pipeline/compile';
import { summarize } from '../models/summary/summarize';
import { resultsFile } from '../models/runner/results';
import { cliText, formatFinancingTable, formatSummary } from './format';

const USAGE = 'usage: npm run merge -- <shard files…> --out results.json\n       (shards from npm run sim -- <scenario.json> --shard i/n --out shard-i.bin)';

function fail(code: number, msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

async function main() {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    fail(64, `${(e as Error).message}\n${USAGE}`);
  }
  if (args.values.help) fail(0, USAGE);
  if (args.positionals.length === 0 || !args.values.out) fail(64, USAGE);
  // The shards' columns are read from their files as the summary needs them, not all at once.
  let merged;
  try {
    merged = openShards(args.positionals);
  } catch (e) {
    fail(2, (e as Error).message);
  }
  const { header, block } = merged;
  const model = compile(header.scenario);
  const summary = summarize(model, block);
  merged.close();
  process.stdout.write(
    `${formatSummary(cliText(header.scenario.meta.title), summary)}\n${formatFinancingTable({ ...summary.financing, models: summary.financing.models.map((m) => ({ ...m, name: cliText(m.name) })) })}\n`,
  );
  const file = await resultsFile(header.scenario, summary, { mode: header.mode, runsRequested: header.total, cancelled: false });
  const out = args.values.out;
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, JSON.stringify(file, null, 2));
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(1, `${out}: ${(e as Error).message}`);
  }
  process.stderr.write(`${args.positionals.length} shards, ${block.runs} runs: results written to ${out}\n`);
}

main().catch((e: unknown) => fail(1, `error: ${e instanceof Error ? e.message : String(e)}`));
