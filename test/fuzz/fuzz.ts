/**
 * Mutation fuzzer: takes fixture zips and ELF binaries, mutates them (bit flips, truncation, splices,
 * edits of length fields), and lints each mutant in-process. An exception that escapes `lint`, or a
 * run longer than the time limit, is a defect: the input is saved under test/regressions/, which
 * test/regressions.test.ts replays.
 *
 * Usage: node dist/test/fuzz/fuzz.js [--cases N] [--seed S] [--time-limit-ms T]
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { lint } from '../../src/index.js';
import { packageRoot } from '../../src/package-root.js';

/** Deterministic xorshift32 generator, so a seed reproduces a run. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  below(limit: number): number {
    return limit <= 0 ? 0 : this.next() % limit;
  }
}

/** Seeds: every fixture case's function.zip and every fixture binary (as a one-entry directory). */
function loadSeeds(root: string): Array<{ name: string; bytes: Buffer }> {
  const seeds: Array<{ name: string; bytes: Buffer }> = [];
  const cases = join(root, 'fixtures', 'cases');
  for (const id of readdirSync(cases).sort()) {
    const bytes = readFileSync(join(cases, id, 'function.zip'));
    if (bytes.length < 4 * 1024 * 1024) {
      seeds.push({ name: `${id}.zip`, bytes });
    }
  }
  return seeds;
}

/** Places in a zip where a length or offset field sits: EOCD, central and local headers. */
function fieldOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  for (let index = 0; index + 4 <= bytes.length; index += 1) {
    if (bytes[index] === 0x50 && bytes[index + 1] === 0x4b) {
      const kind = bytes.readUInt16LE(index + 2);
      if (kind === 0x0201) {
        offsets.push(index + 20, index + 24, index + 28, index + 30, index + 42);
      } else if (kind === 0x0403) {
        offsets.push(index + 18, index + 22, index + 26, index + 28);
      } else if (kind === 0x0605) {
        offsets.push(index + 10, index + 12, index + 16, index + 20);
      }
    }
  }
  return offsets.filter((offset) => offset + 4 <= bytes.length);
}

export function mutate(seed: Buffer, random: Random): Buffer {
  const bytes = Buffer.from(seed);
  switch (random.below(5)) {
    case 0: {
      const flips = 1 + random.below(8);
      for (let flip = 0; flip < flips; flip += 1) {
        const index = random.below(bytes.length);
        bytes[index] ^= 1 << random.below(8);
      }
      return bytes;
    }
    case 1:
      return bytes.subarray(0, random.below(bytes.length));
    case 2: {
      const start = random.below(bytes.length);
      const length = random.below(Math.min(4096, bytes.length - start));
      const target = random.below(bytes.length);
      return Buffer.concat([bytes.subarray(0, target), bytes.subarray(start, start + length), bytes.subarray(target)]);
    }
    case 3: {
      const fields = fieldOffsets(bytes);
      if (fields.length === 0) {
        return bytes;
      }
      const offset = fields[random.below(fields.length)];
      const values = [0, 1, 0xffff, 0xffffffff, 0x7fffffff, bytes.length, random.next()];
      bytes.writeUInt32LE(values[random.below(values.length)] >>> 0, offset);
      return bytes;
    }
    default: {
      // Overwrite a stretch inside the first entry's data, where ELF headers of a bootstrap live.
      const start = 30 + random.below(Math.min(bytes.length, 8192));
      const length = 1 + random.below(64);
      for (let index = start; index < Math.min(bytes.length, start + length); index += 1) {
        bytes[index] = random.below(256);
      }
      return bytes;
    }
  }
}

export interface FuzzResult {
  runs: number;
  crashes: string[];
  slow: string[];
}

/** Runs `count` mutants; failures are written to `regressions` and listed in the result. */
export async function fuzz(count: number, seedValue: number, timeLimitMs: number, regressions: string): Promise<FuzzResult> {
  const root = packageRoot();
  const seeds = loadSeeds(root);
  const random = new Random(seedValue);
  const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-fuzz-'));
  const result: FuzzResult = { runs: 0, crashes: [], slow: [] };

  try {
    for (let run = 0; run < count; run += 1) {
      const seed = seeds[random.below(seeds.length)];
      const mutant = mutate(seed.bytes, random);
      const path = join(scratch, 'mutant.zip');
      writeFileSync(path, mutant);

      const started = performance.now();
      let failure: string | null = null;
      try {
        await lint([path], { runtime: 'provided.al2023', now: new Date('2026-12-04T00:00:00Z') });
      } catch (error) {
        failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      const elapsed = performance.now() - started;
      result.runs += 1;

      if (failure !== null || elapsed > timeLimitMs) {
        mkdirSync(regressions, { recursive: true });
        const name = `${failure !== null ? 'crash' : 'slow'}-${seedValue}-${run}-${seed.name}`;
        writeFileSync(join(regressions, name), mutant);
        const line = `${name}: ${failure ?? `${elapsed.toFixed(0)} ms`}`;
        (failure !== null ? result.crashes : result.slow).push(line);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return result;
}

function option(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : Number(argv[index + 1]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const count = option(argv, '--cases', 1000);
  const seed = option(argv, '--seed', 1);
  const timeLimit = option(argv, '--time-limit-ms', 2000);
  const regressions = join(packageRoot(), 'test', 'regressions');

  const result = await fuzz(count, seed, timeLimit, regressions);
  for (const line of [...result.crashes, ...result.slow]) {
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`fuzz: ${result.runs} runs, ${result.crashes.length} crashes, ${result.slow.length} over ${timeLimit} ms (seed ${seed})\n`);
  process.exitCode = result.crashes.length + result.slow.length > 0 ? 1 : 0;
}
