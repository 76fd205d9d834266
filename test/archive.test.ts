import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { EntryReadError } from '../src/archive/entry.js';
import { decodeEntryName, entryPath, printableName } from '../src/archive/names.js';
import { describeOverlappingEntries, type LocalRange } from '../src/archive/overlap.js';
import { StreamedEntrySource } from '../src/archive/streamed-source.js';
import { extractedPath } from '../src/analysis/package-fs.js';

describe('entry names', () => {
  it('decodes UTF-8 when general-purpose bit 11 is set', () => {
    expect(decodeEntryName(Buffer.from('données/é.txt', 'utf8'), 0x800)).toBe('données/é.txt');
  });

  it('decodes CP437 when bit 11 is clear', () => {
    expect(decodeEntryName(Buffer.from([0x82, 0x2e, 0x74, 0x78, 0x74]), 0)).toBe('é.txt');
    expect(decodeEntryName(Buffer.from([0xe1]), 0)).toBe('ß');
  });

  it('drops the trailing slash of a directory name', () => {
    expect(entryPath('lib/')).toBe('lib');
  });

  it('escapes control characters for terminal output', () => {
    expect(printableName('evil\u001b[31mname\u0007')).toBe('evil\\x1b[31mname\\x07');
    expect(printableName('line\nbreak')).toBe('line\\x0abreak');
    expect(printableName('plain/name.so')).toBe('plain/name.so');
  });
});

describe('extracted paths', () => {
  it('places relative names under the mount point', () => {
    expect(extractedPath('/var/task', 'bootstrap')).toBe('/var/task/bootstrap');
    expect(extractedPath('/var/task', './lib//libx.so')).toBe('/var/task/lib/libx.so');
    expect(extractedPath('/opt', 'lib/libx.so')).toBe('/opt/lib/libx.so');
  });

  it('keeps a backslash as part of the file name', () => {
    expect(extractedPath('/var/task', 'lib\\libx.so')).toBe('/var/task/lib\\libx.so');
  });

  it('gives no place to absolute and dot-dot names', () => {
    expect(extractedPath('/var/task', '/etc/passwd')).toBeNull();
    expect(extractedPath('/var/task', '../../tmp/evil.sh')).toBeNull();
    expect(extractedPath('/var/task', 'lib/../../x')).toBeNull();
  });
});

describe('streamed entry source', () => {
  const data = Buffer.alloc(5 * 1024 * 1024);
  for (let index = 0; index < data.length; index += 1) {
    data[index] = (index * 31) % 251;
  }
  const compressed = deflateRawSync(data);

  function source(prefixBytes: number, opens: { count: number }): StreamedEntrySource {
    return new StreamedEntrySource(
      async () => {
        opens.count += 1;
        return Readable.from([compressed.subarray(0, compressed.length >> 1), compressed.subarray(compressed.length >> 1)]);
      },
      8,
      data.length,
      { prefixBytes },
    );
  }

  it('returns the bytes at any offset', async () => {
    const opens = { count: 0 };
    const reader = source(1 << 20, opens);
    expect((await reader.read(0, 16)).equals(data.subarray(0, 16))).toBe(true);
    expect((await reader.read(4_000_000, 100)).equals(data.subarray(4_000_000, 4_000_100))).toBe(true);
    expect(opens.count).toBe(1);
    reader.close();
  });

  it('serves reads behind the position from the retained prefix without restarting', async () => {
    const opens = { count: 0 };
    const reader = source(1 << 20, opens);
    await reader.read(3_000_000, 10);
    expect((await reader.read(100, 10)).equals(data.subarray(100, 110))).toBe(true);
    expect(opens.count).toBe(1);
    reader.close();
  });

  it('keeps a range registered with retain', async () => {
    const opens = { count: 0 };
    const reader = source(0, opens);
    reader.retain(2_000_000, 2_000_100);
    await reader.read(4_500_000, 10);
    expect((await reader.read(2_000_000, 100)).equals(data.subarray(2_000_000, 2_000_100))).toBe(true);
    expect(opens.count).toBe(1);
    reader.close();
  });

  it('restarts the stream for a dropped range', async () => {
    const opens = { count: 0 };
    const reader = source(0, opens);
    await reader.read(4_500_000, 10);
    expect((await reader.read(1_000_000, 10)).equals(data.subarray(1_000_000, 1_000_010))).toBe(true);
    expect(opens.count).toBe(2);
    reader.close();
  });

  it('rejects data that inflates past its declared size', async () => {
    const reader = new StreamedEntrySource(async () => Readable.from([compressed]), 8, 1000, { prefixBytes: 1 << 20 });
    await expect(reader.read(0, 10)).rejects.toBeInstanceOf(EntryReadError);
  });

  it('rejects data that ends before its declared size', async () => {
    const reader = new StreamedEntrySource(
      async () => Readable.from([deflateRawSync(Buffer.alloc(100))]),
      8,
      5000,
      { prefixBytes: 1 << 20 },
    );
    await expect(reader.read(0, 4000)).rejects.toThrow('data ends after 100 of 5000 declared bytes');
  });

  it('rejects corrupt deflate data', async () => {
    const reader = new StreamedEntrySource(async () => Readable.from([Buffer.from('not deflate data at all')]), 8, 100, { prefixBytes: 1 << 20 });
    await expect(reader.read(0, 10)).rejects.toBeInstanceOf(EntryReadError);
  });
});

describe('streamed entry source CRC-32', () => {
  // Three 1 MiB inflater chunks, so a short read stops before the end.
  const data = Buffer.alloc(3 * 1024 * 1024);
  for (let index = 0; index < data.length; index += 1) {
    data[index] = (index * 7) % 253;
  }
  const compressed = deflateRawSync(data);

  function source(expectedCrc32: number, size = data.length): StreamedEntrySource {
    return new StreamedEntrySource(async () => Readable.from([compressed]), 8, size, { expectedCrc32 });
  }

  it('accepts data whose CRC-32 matches', async () => {
    const reader = source(crc32(data));
    expect((await reader.read(0, data.length)).equals(data)).toBe(true);
    await reader.drain();
  });

  it('rejects a mismatch when a read reaches the end', async () => {
    await expect(source(0x12345678).read(0, data.length)).rejects.toThrow('CRC-32 mismatch');
  });

  it('does not check a read that stops before the end', async () => {
    expect((await source(0x12345678).read(0, 16)).equals(data.subarray(0, 16))).toBe(true);
  });

  it('rejects a mismatch when drained after a partial read', async () => {
    const reader = source(0x12345678);
    await reader.read(0, 16);
    await expect(reader.drain()).rejects.toThrow('declares 0x12345678');
  });

  it('drains data shorter than declared and checks its CRC-32', async () => {
    await source(crc32(data), data.length + 100).drain();
    await expect(source(0x12345678, data.length + 100).drain()).rejects.toThrow('CRC-32 mismatch');
  });
});

describe('overlapping entries', () => {
  const range = (name: string, localHeaderOffset: number, compressedSize: number): LocalRange => ({
    name,
    localHeaderOffset,
    nameLength: name.length,
    compressedSize,
  });

  it('accepts entries that follow one another with gaps for descriptors', () => {
    expect(describeOverlappingEntries([range('a', 0, 10), range('b', 41 + 16, 5), range('c', 200, 0)])).toBeNull();
  });

  it('accepts an entry that starts right where the previous one ends', () => {
    expect(describeOverlappingEntries([range('a', 0, 10), range('b', 41, 5)])).toBeNull();
  });

  it('reports an entry that starts one byte early', () => {
    expect(describeOverlappingEntries([range('a', 0, 10), range('b', 40, 5)])).toContain('"a" and "b" overlap');
  });

  it('counts every overlapping pair', () => {
    const ranges = [range('a', 0, 10), range('b', 0, 10), range('c', 0, 10)];
    expect(describeOverlappingEntries(ranges)).toContain('(2 overlapping pairs in all)');
  });
});

describe('streamed entry source limits', () => {
  it('refuses to inflate past the unzipped deployment limit', async () => {
    const opens = { count: 0 };
    const reader = new StreamedEntrySource(
      async () => {
        opens.count += 1;
        return Readable.from([deflateRawSync(Buffer.alloc(1024))]);
      },
      8,
      4 * 1024 * 1024 * 1024,
      { prefixBytes: 1 << 20 },
    );
    await expect(reader.read(4_000_000_000, 16)).rejects.toThrow('past the 262144000 bytes Lambda accepts unzipped');
    expect(opens.count).toBe(0);
  });
});
