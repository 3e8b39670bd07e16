import type { Scenario } from '../scenario/schema';
import type { Mode } from '../simulation/simulate';
import type { RunBlock } from '../simulation/columns';
import { mergeBlocks } from './merge';

/**
 * Shards of one study: runs depend only on the seed and their index, so runs [a, b) computed on
 * any machine are exactly the runs [a, b) of a single run of all of them, and joining the shards'
 * columns in run order gives the single run's block bit for bit.
 */

/** Runs [first, first + count) of shard `index` (0-based) of `of` equal shards of `total` runs. */
export function shardRange(total: number, index: number, of: number): [first: number, count: number] {
  if (!(Number.isInteger(of) && of >= 1 && Number.isInteger(index) && index >= 0 && index < of)) throw new RangeError(`shard ${index + 1}/${of}: the shard number must be from 1 to ${of}`);
  const first = Math.floor((index * total) / of);
  return [first, Math.floor(((index + 1) * total) / of) - first];
}

/** Parses `--shard i/n` (1-based, as a batch system numbers its tasks). */
export function parseShard(text: string): { index: number; of: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new RangeError(`--shard must look like 3/10 (shard 3 of 10), not "${text}"`);
  const index = Number(m[1]) - 1;
  const of = Number(m[2]);
  if (!(of >= 1 && index >= 0 && index < of)) throw new RangeError(`--shard ${text}: the shard number must be from 1 to ${of}`);
  return { index, of };
}

/** What a shard file says about itself; merging refuses shards whose headers disagree. */
export interface ShardHeader {
  format: 'proeftuin-shard';
  formatVersion: 1;
  scenarioHash: string;
  seed: string;
  mode: Mode;
  /** Runs of the whole study. */
  total: number;
  firstRun: number;
  runs: number;
  years: number;
  nParams: number;
  names: string[];
  /** The validated scenario, so that a merge needs nothing but the shard files. */
  scenario: Scenario;
}

const MAGIC = 'PROEFTUIN-SHARD-1\n';

/** A shard file: a magic line, the header as one JSON line, padding to 8 bytes, then the columns and θ as little-endian float64. */
export function encodeShard(header: Omit<ShardHeader, 'format' | 'formatVersion' | 'firstRun' | 'runs' | 'years' | 'nParams' | 'names'>, block: RunBlock): Uint8Array {
  const head = shardHead(header, block);
  const rows = block.runs * block.years;
  const out = new Uint8Array(head.length + 8 * (block.cols.length * rows + block.params.length));
  out.set(head);
  const view = new DataView(out.buffer);
  let at = head.length;
  const put = (a: Float64Array) => {
    for (let i = 0; i < a.length; i++, at += 8) view.setFloat64(at, a[i], true);
  };
  block.cols.forEach(put);
  put(block.params);
  return out;
}

/** The bytes of a shard file before its columns (magic, header line, padding to 8 bytes), for writing it column by column. */
export function shardHead(header: Omit<ShardHeader, 'format' | 'formatVersion' | 'firstRun' | 'runs' | 'years' | 'nParams' | 'names'>, block: Omit<RunBlock, 'cols'>): Uint8Array {
  const full: ShardHeader = { format: 'proeftuin-shard', formatVersion: 1, ...header, firstRun: block.firstRun, runs: block.runs, years: block.years, nParams: block.nParams, names: block.names };
  const text = new TextEncoder().encode(`${MAGIC}${JSON.stringify(full)}\n`);
  const out = new Uint8Array(Math.ceil(text.length / 8) * 8).fill(0x20);
  out.set(text);
  return out;
}

/** Little-endian float64 bytes of `a` (a shard file's number format, whatever the machine's). */
export function littleEndian(a: Float64Array): Uint8Array {
  const out = new Uint8Array(8 * a.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat64(8 * i, a[i], true);
  return out;
}

/**
 * A shard file's header and the byte where its columns start, from the file's first bytes (at
 * least through the header's line) and its size; refused when the size is not what the header
 * promises. Column i then starts at `start + 8·i·runs·years`, and θ after the last column.
 */
export function readShardHeader(bytes: Uint8Array, size: number, name = 'shard'): { header: ShardHeader; start: number } {
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, MAGIC.length)));
  if (text !== MAGIC) throw new Error(`${name}: not a Proeftuin shard file (written by npm run sim -- … --shard i/n --out FILE)`);
  const nl = bytes.indexOf(0x0a, MAGIC.length);
  if (nl < 0) throw new Error(`${name}: the shard header is cut off`);
  let header: ShardHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length, nl))) as ShardHeader;
  } catch {
    throw new Error(`${name}: the shard header is not valid JSON`);
  }
  if (header.format !== 'proeftuin-shard' || header.formatVersion !== 1) throw new Error(`${name}: unknown shard format ${header.formatVersion}`);
  const start = Math.ceil((nl + 1) / 8) * 8;
  const rows = header.runs * header.years;
  const want = start + 8 * (header.names.length * rows + header.runs * header.nParams);
  if (size !== want) throw new Error(`${name}: ${size} bytes where the header promises ${want} (file cut off or changed)`);
  return { header, start };
}

export function decodeShard(bytes: Uint8Array, name = 'shard'): { header: ShardHeader; block: RunBlock } {
  const { header, start } = readShardHeader(bytes, bytes.length, name);
  const rows = header.runs * header.years;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  const take = (n: number) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, at += 8) a[i] = view.getFloat64(at, true);
    return a;
  };
  const cols = header.names.map(() => take(rows));
  const params = take(header.runs * header.nParams);
  return { header, block: { firstRun: header.firstRun, runs: header.runs, years: header.years, names: header.names, cols, params, nParams: header.nParams } };
}

/**
 * The study's block from its shards (any order): refused when they belong to different scenarios,
 * seeds or modes, overlap, or leave runs out, naming the shard and the runs.
 */
export function mergeShards(shards: { name: string; header: ShardHeader; block: RunBlock }[]): { header: ShardHeader; block: RunBlock } {
  const header = checkShards(shards);
  return { header, block: mergeBlocks(shards.map((s) => s.block)) };
}

/**
 * The header of the study the shards (any order) make up together: refused when they belong to
 * different scenarios, seeds or modes, overlap, or leave runs out, naming the shard and the runs.
 */
export function checkShards(shards: { name: string; header: ShardHeader }[]): ShardHeader {
  if (shards.length === 0) throw new Error('no shard files given');
  const sorted = [...shards].sort((a, b) => a.header.firstRun - b.header.firstRun);
  const h0 = sorted[0].header;
  for (const s of sorted) {
    const h = s.header;
    for (const k of ['scenarioHash', 'seed', 'mode', 'total', 'years', 'nParams'] as const)
      if (h[k] !== h0[k]) throw new Error(`${s.name}: ${k} is ${JSON.stringify(h[k])}, but ${sorted[0].name} has ${JSON.stringify(h0[k])}: the shards are not of one study`);
    if (h.names.join('\0') !== h0.names.join('\0')) throw new Error(`${s.name}: its columns differ from ${sorted[0].name}'s`);
  }
  let next = 0;
  for (const s of sorted) {
    if (s.header.firstRun > next) throw new Error(`runs ${next + 1}–${s.header.firstRun} are missing (no shard holds them)`);
    if (s.header.firstRun < next) throw new Error(`${s.name} repeats runs ${s.header.firstRun + 1}–${Math.min(next, s.header.firstRun + s.header.runs)}`);
    next += s.header.runs;
  }
  if (next !== h0.total) throw new Error(`runs ${next + 1}–${h0.total} are missing (no shard holds them)`);
  return { ...h0, firstRun: 0, runs: h0.total };
}
