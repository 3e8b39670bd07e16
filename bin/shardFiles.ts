import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { checkShards, decodeShard, littleEndian, mergeShards, readShardHeader, shardHead, type ShardHeader } from '../models/runner/shard';
import { RunSpill, type RunStore } from '../models/runner/spill';
import type { RunBlock } from '../models/simulation/columns';

/** True where float64 values are stored little-endian, as shard files hold them: then columns are read straight into arrays. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Writes a shard file column by column: the block's columns are touched one at a time (a block
 * of spilled runs then reads one column into memory at a time), never the whole file at once.
 */
export function writeShardFile(path: string, header: Parameters<typeof shardHead>[0], block: RunBlock): void {
  const fd = openSync(path, 'w');
  try {
    const put = (bytes: Uint8Array) => {
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    };
    put(shardHead(header, block));
    block.cols.forEach((c) => put(littleEndian(c)));
    put(littleEndian(block.params));
  } finally {
    closeSync(fd);
  }
}

/** Positions in the store of shard files: file k's byte b is at k·2⁴⁰ + b (a shard file is far below 1 TB). */
const FILE_SPAN = 2 ** 40;

/**
 * The study the shard files make up, its columns read from the files when the summary touches
 * them (θ too, only the slots asked for): a merge then holds a few columns in memory, not every
 * run of every shard. The files stay open until `close`. Checked as `mergeShards` checks them.
 */
export function openShards(names: string[]): { header: ShardHeader; block: RunBlock; close(): void } {
  if (!LITTLE_ENDIAN) {
    const merged = mergeShards(names.map((name) => ({ name, ...decodeShard(readFileSync(name), name) })));
    return { ...merged, close: () => {} };
  }
  const fds: number[] = [];
  try {
    const heads = names.map((name) => {
      let fd: number;
      try {
        fd = openSync(name, 'r');
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
      fds.push(fd);
      return { name, fd, ...readHead(fd, name) };
    });
    const header = checkShards(heads);
    const store: RunStore = {
      append: () => {
        throw new Error('shard files are read only');
      },
      read: (into, position) => readFully(fds[Math.floor(position / FILE_SPAN)], into, position % FILE_SPAN),
    };
    const spill = new RunSpill(store, 0);
    heads.forEach((h, k) => {
      const { runs, years, nParams, names: cols, firstRun } = h.header;
      spill.addStored({ firstRun, runs, years, names: cols, nParams }, k * FILE_SPAN + h.start);
    });
    return {
      header,
      block: spill.block(header.total),
      close: () => fds.splice(0).forEach((fd) => closeSync(fd)),
    };
  } catch (e) {
    fds.forEach((fd) => closeSync(fd));
    throw e;
  }
}

/** The header of an open shard file: its first bytes read until the header's line ends. */
function readHead(fd: number, name: string): { header: ShardHeader; start: number } {
  const size = fstatSync(fd).size;
  let bytes = new Uint8Array(Math.min(size, 1 << 16));
  for (;;) {
    const n = readSync(fd, bytes, 0, bytes.length, 0);
    bytes = bytes.subarray(0, n);
    // Not a shard file when its first line is not the magic one: said at once, without reading on.
    if (bytes.indexOf(0x0a, 18) >= 0 || n >= size || bytes.indexOf(0x0a) !== 17) return readShardHeader(bytes, size, name);
    bytes = new Uint8Array(Math.min(size, 4 * n));
  }
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let off = 0; off < into.length;) {
    const n = readSync(fd, into, off, into.length - off, position + off);
    if (n === 0) throw new Error(`a shard file ends at byte ${position + off} (changed while it was read)`);
    off += n;
  }
}
