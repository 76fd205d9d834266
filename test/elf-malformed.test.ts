import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { DT_NEEDED, DT_STRSZ, DT_STRTAB, DT_VERNEED, DT_VERNEEDNUM, PT_DYNAMIC, PT_INTERP, PT_LOAD } from '../src/elf/constants.js';
import { readElf } from '../src/elf/read-elf.js';
import { BufferSource } from './support/buffer-source.js';

/**
 * Hand-made ELF64 files: a header, program headers, a PT_DYNAMIC with the tags given, and a string
 * table. Each test breaks one field and expects a problem, never an exception or a hang.
 */

interface Segment {
  type: number;
  offset: number;
  filesz: number;
}

/** Builds a little-endian ELF64 ET_DYN file of `size` bytes, mapped 1:1 (vaddr = offset) by one PT_LOAD. */
function buildElf(options: {
  size?: number;
  segments: Segment[];
  data?: Array<{ offset: number; bytes: Buffer }>;
  phnum?: number;
}): Buffer {
  const size = options.size ?? 4096;
  const file = Buffer.alloc(size);

  file.write('\x7fELF', 0, 'latin1');
  file[4] = 2;
  file[5] = 1;
  file[6] = 1;
  file.writeUInt16LE(3, 16);
  file.writeUInt16LE(62, 18);
  file.writeUInt32LE(1, 20);
  file.writeBigUInt64LE(64n, 32);
  file.writeUInt16LE(64, 52);
  file.writeUInt16LE(56, 54);
  file.writeUInt16LE(options.phnum ?? options.segments.length, 56);

  options.segments.forEach((segment, index) => {
    const base = 64 + index * 56;
    file.writeUInt32LE(segment.type, base);
    file.writeBigUInt64LE(BigInt(segment.offset), base + 8);
    file.writeBigUInt64LE(BigInt(segment.offset), base + 16);
    file.writeBigUInt64LE(BigInt(segment.filesz), base + 32);
    file.writeBigUInt64LE(BigInt(segment.filesz), base + 40);
  });

  for (const chunk of options.data ?? []) {
    chunk.bytes.copy(file, chunk.offset);
  }
  return file;
}

function dynamicTags(tags: Array<[number, number]>): Buffer {
  const bytes = Buffer.alloc(tags.length * 16);
  tags.forEach(([tag, value], index) => {
    bytes.writeBigUInt64LE(BigInt(tag), index * 16);
    bytes.writeBigUInt64LE(BigInt(value), index * 16 + 8);
  });
  return bytes;
}

const STRTAB_OFFSET = 1024;
const DYNAMIC_OFFSET = 2048;
const STRINGS = Buffer.from('\0libfoo.so.1\0GLIBC_2.28\0libc.so.6\0', 'latin1');

function wellFormed(tags: Array<[number, number]>, extra: Array<{ offset: number; bytes: Buffer }> = []): Buffer {
  return buildElf({
    segments: [
      { type: PT_LOAD, offset: 0, filesz: 4096 },
      { type: PT_DYNAMIC, offset: DYNAMIC_OFFSET, filesz: tags.length * 16 },
    ],
    data: [
      { offset: STRTAB_OFFSET, bytes: STRINGS },
      { offset: DYNAMIC_OFFSET, bytes: dynamicTags(tags) },
      ...extra,
    ],
  });
}

describe('ELF reader on hand-made files', () => {
  it('reads DT_NEEDED from a well-formed file', async () => {
    const file = wellFormed([
      [DT_STRTAB, STRTAB_OFFSET],
      [DT_STRSZ, STRINGS.length],
      [DT_NEEDED, 1],
      [0, 0],
    ]);
    const info = await readElf(new BufferSource(file));
    expect(info.problems).toEqual([]);
    expect(info.needed).toEqual(['libfoo.so.1']);
    expect(info.linkage).toBe('shared-library');
  });

  it('reports a file cut inside the ELF header', async () => {
    const file = wellFormed([[0, 0]]).subarray(0, 40);
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('ends inside the ELF header');
  });

  it('reports invalid EI_CLASS', async () => {
    const file = wellFormed([[0, 0]]);
    file[4] = 7;
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('EI_CLASS');
  });

  it('reports an absurd e_phnum without reading past the end', async () => {
    const file = buildElf({ segments: [{ type: PT_LOAD, offset: 0, filesz: 4096 }], phnum: 0xffff });
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('program header table');
  });

  it('reports a too small e_phentsize', async () => {
    const file = wellFormed([[0, 0]]);
    file.writeUInt16LE(8, 54);
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('e_phentsize');
  });

  it('reports a PT_LOAD that runs past the end of the file', async () => {
    const file = buildElf({ segments: [{ type: PT_LOAD, offset: 0, filesz: 1 << 30 }] });
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('past the end');
  });

  it('reports a dynamic section without DT_NULL', async () => {
    const file = wellFormed([
      [DT_STRTAB, STRTAB_OFFSET],
      [DT_NEEDED, 1],
    ]);
    const info = await readElf(new BufferSource(file));
    expect(info.problems).toContain('dynamic section has no DT_NULL terminator');
    expect(info.needed).toEqual(['libfoo.so.1']);
  });

  it('reports a string offset past the string table', async () => {
    const file = wellFormed([
      [DT_STRTAB, STRTAB_OFFSET],
      [DT_STRSZ, STRINGS.length],
      [DT_NEEDED, 5000],
      [0, 0],
    ]);
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('past the end of the dynamic string table');
  });

  it('reports a DT_STRTAB outside every PT_LOAD', async () => {
    const file = wellFormed([
      [DT_STRTAB, 0x7fff0000],
      [DT_NEEDED, 1],
      [0, 0],
    ]);
    const info = await readElf(new BufferSource(file));
    expect(info.problems[0]).toContain('not inside any PT_LOAD');
  });

  it('reads one DT_VERNEED record with its Vernaux', async () => {
    const verneedOffset = 3072;
    const record = Buffer.alloc(32);
    record.writeUInt16LE(1, 0);
    record.writeUInt16LE(1, 2);
    record.writeUInt32LE(24, 4);
    record.writeUInt32LE(16, 8);
    record.writeUInt32LE(0, 12);
    record.writeUInt16LE(0, 20);
    record.writeUInt32LE(13, 24);
    record.writeUInt32LE(0, 28);

    const file = wellFormed(
      [
        [DT_STRTAB, STRTAB_OFFSET],
        [DT_STRSZ, STRINGS.length],
        [DT_VERNEED, verneedOffset],
        [DT_VERNEEDNUM, 1],
        [0, 0],
      ],
      [{ offset: verneedOffset, bytes: record }],
    );
    const info = await readElf(new BufferSource(file));
    expect(info.problems).toEqual([]);
    expect(info.versionNeeds).toEqual([{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.28', weak: false }] }]);
  });

  it('bounds a DT_VERNEED chain that runs to the end of the file', async () => {
    const verneedOffset = 3072;
    const chain = Buffer.alloc(1024);
    for (let offset = 0; offset < chain.length; offset += 16) {
      chain.writeUInt16LE(1, offset);
      chain.writeUInt32LE(16, offset + 12);
    }

    const file = wellFormed(
      [
        [DT_STRTAB, STRTAB_OFFSET],
        [DT_STRSZ, STRINGS.length],
        [DT_VERNEED, verneedOffset],
        [DT_VERNEEDNUM, 0xffffffff],
        [0, 0],
      ],
      [{ offset: verneedOffset, bytes: chain }],
    );
    const info = await readElf(new BufferSource(file));
    expect(info.versionNeeds.length).toBe(64);
    expect(info.problems.some((problem) => problem.includes('version need record'))).toBe(true);
  });

  it('reports a DT_VERNEED record past the end of the file', async () => {
    const file = wellFormed([
      [DT_STRTAB, STRTAB_OFFSET],
      [DT_VERNEED, 4090],
      [DT_VERNEEDNUM, 1],
      [0, 0],
    ]);
    const info = await readElf(new BufferSource(file));
    expect(info.problems.some((problem) => problem.includes('version need record'))).toBe(true);
  });

  it('reads PT_INTERP and calls the file dynamic', async () => {
    const interpreter = Buffer.from('/lib64/ld-linux-x86-64.so.2\0', 'latin1');
    const file = buildElf({
      segments: [
        { type: PT_LOAD, offset: 0, filesz: 4096 },
        { type: PT_INTERP, offset: 512, filesz: interpreter.length },
      ],
      data: [{ offset: 512, bytes: interpreter }],
    });
    const info = await readElf(new BufferSource(file));
    expect(info.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(info.linkage).toBe('dynamic');
    expect(info.executable).toBe(true);
  });
});

describe('ELF reader on truncated real binaries', () => {
  it('reports a binary cut inside a PT_LOAD segment', async () => {
    const info = await readElf(new BufferSource(readFileSync('fixtures/bin/truncated-in-load-x86_64')));
    expect(info.problems.some((problem) => problem.includes('PT_LOAD segment'))).toBe(true);
  });

  it('reports a binary cut inside the program header table', async () => {
    const info = await readElf(new BufferSource(readFileSync('fixtures/bin/truncated-in-phdrs-x86_64')));
    expect(info.problems.some((problem) => problem.includes('program header table'))).toBe(true);
  });

  it('survives every prefix length of a real binary', async () => {
    const whole = readFileSync('fixtures/bin/greet-x86_64');
    for (let length = 0; length < 8192; length += 7) {
      const info = await readElf(new BufferSource(whole.subarray(0, length)));
      expect(Array.isArray(info.problems)).toBe(true);
    }
  });
});
