/**
 * Mutation fuzzer: takes fixture zips and ELF binaries, mutates them (bit flips, truncation, splices,
 * edits of length fields), and lints each mutant in-process. An exception that escapes `lint`, or a
 * run longer than the time limit, is a defect: the input is saved under test/regressions/, which
 * test/regressions.test.ts replays.
 *
 * Usage: node dist/test/fuzz/fuzz.js [--cases N] [--seed S] [--time-limit-ms T]
 * A run that grows heap and Buffer memory by more than 256 MB is saved as well (`hungry-*`).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

interface Seed {
  name: string;
  bytes: Buffer;
  /** `zip`: the mutant is linted as a zip; `elf`: it is the bootstrap of a package folder. */
  kind: 'zip' | 'elf';
}

/** Seeds: every fixture case's function.zip and every fixture ELF binary, each under 4 MB. */
function loadSeeds(root: string): Seed[] {
  const seeds: Seed[] = [];
  const cases = join(root, 'fixtures', 'cases');
  for (const id of readdirSync(cases).sort()) {
    const bytes = readFileSync(join(cases, id, 'function.zip'));
    if (bytes.length < 4 * 1024 * 1024) {
      seeds.push({ name: `${id}.zip`, bytes, kind: 'zip' });
    }
  }

  const binaries = join(root, 'fixtures', 'bin');
  for (const name of readdirSync(binaries).sort()) {
    const path = join(binaries, name);
    if (!statSync(path).isFile()) {
      continue;
    }
    const bytes = readFileSync(path);
    if (bytes.length < 4 * 1024 * 1024 && bytes.subarray(0, 4).equals(ELF_MAGIC)) {
      seeds.push({ name: `${name}.elf`, bytes, kind: 'elf' });
    }
  }
  return seeds;
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** Growth of the heap and external memory over one run that counts as unbounded allocation. */
const MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Returns the offsets of length and offset fields. In a zip they are in the EOCD, central and local
 * headers. In a 64-bit ELF file they are e_phoff, e_shoff, e_phnum, e_shnum and each program
 * header's p_offset and p_filesz.
 */
function fieldOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  if (bytes.length >= 64 && bytes.subarray(0, 4).equals(ELF_MAGIC) && bytes[4] === 2 && bytes[5] === 1) {
    offsets.push(32, 40, 56, 60);
    const programHeaders = Number(bytes.readBigUInt64LE(32));
    const count = bytes.readUInt16LE(56);
    for (let index = 0; index < count && programHeaders + (index + 1) * 56 <= bytes.length; index += 1) {
      offsets.push(programHeaders + index * 56 + 8, programHeaders + index * 56 + 32);
    }
  }
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
  /** Runs whose heap and external memory grew by more than MEMORY_LIMIT_BYTES. */
  hungry: string[];
}

/** Runs `count` mutants; failures are written to `regressions` and listed in the result. */
export async function fuzz(count: number, seedValue: number, timeLimitMs: number, regressions: string): Promise<FuzzResult> {
  const root = packageRoot();
  const seeds = loadSeeds(root);
  const random = new Random(seedValue);
  const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-fuzz-'));
  const result: FuzzResult = { runs: 0, crashes: [], slow: [], hungry: [] };
  const packageFolder = join(scratch, 'package');
  mkdirSync(packageFolder);

  try {
    for (let run = 0; run < count; run += 1) {
      const seed = seeds[random.below(seeds.length)];
      const mutant = mutate(seed.bytes, random);
      const path = seed.kind === 'zip' ? join(scratch, 'mutant.zip') : packageFolder;
      if (seed.kind === 'zip') {
        writeFileSync(path, mutant);
      } else {
        writeFileSync(join(packageFolder, 'bootstrap'), mutant);
        chmodSync(join(packageFolder, 'bootstrap'), 0o755);
      }

      const memoryBefore = usedMemory();
      const started = performance.now();
      let failure: string | null = null;
      try {
        await lint([path], { runtime: 'provided.al2023', now: new Date('2026-12-04T00:00:00Z') });
      } catch (error) {
        failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      const elapsed = performance.now() - started;
      const grown = usedMemory() - memoryBefore;
      result.runs += 1;

      let kind: 'crash' | 'slow' | 'hungry' | null = null;
      if (failure !== null) {
        kind = 'crash';
      } else if (elapsed > timeLimitMs) {
        kind = 'slow';
      } else if (grown > MEMORY_LIMIT_BYTES) {
        kind = 'hungry';
      }
      if (kind !== null) {
        mkdirSync(regressions, { recursive: true });
        const name = `${kind}-${seedValue}-${run}-${seed.name}`;
        writeFileSync(join(regressions, name), mutant);
        const detail = { crash: failure ?? '', slow: `${elapsed.toFixed(0)} ms`, hungry: `${(grown / 1048576).toFixed(0)} MB` }[kind];
        ({ crash: result.crashes, slow: result.slow, hungry: result.hungry })[kind].push(`${name}: ${detail}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return result;
}

/** Heap and external (Buffer) memory in use now. */
function usedMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
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
  for (const line of [...result.crashes, ...result.slow, ...result.hungry]) {
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(
    `fuzz: ${result.runs} runs, ${result.crashes.length} crashes, ${result.slow.length} over ${timeLimit} ms, ${result.hungry.length} over ${MEMORY_LIMIT_BYTES / 1048576} MB (seed ${seed})\n`,
  );
  process.exitCode = result.crashes.length + result.slow.length + result.hungry.length > 0 ? 1 : 0;
}
