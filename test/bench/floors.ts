/**
 * Reference processes for the benchmark: each does only the part of lambda-lint's work that its way
 * of reading cannot avoid, so the table shows how much of the time is left to win.
 *
 * - `inflate ZIP`: inflates the first entry with Node's zlib (1 MiB chunks) until the end of its
 *   `PT_DYNAMIC` segment, then stops. Deflate can only be read from the start, and `DT_NEEDED` lives
 *   in the dynamic segment, so an ELF reader must inflate at least this far.
 * - `list ZIP`: opens the zip as lambda-lint does (yauzl over lambda-lint's block-cached reader) and
 *   reads the central directory, but no entry.
 *
 * Usage: node dist/test/bench/floors.js inflate|list ZIP
 */
import { readFileSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';

import { openZipArchive } from '../../src/archive/zip-archive.js';

/** Local file header size before the name (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;

/** p_type of the dynamic segment (gABI). */
const PT_DYNAMIC = 2;

/** End of the PT_DYNAMIC segment in a little-endian ELF64 file, from its first bytes; 0 when absent. */
function dynamicSegmentEnd(head: Buffer): number {
  const programHeaders = Number(head.readBigUInt64LE(32));
  const size = head.readUInt16LE(54);
  const count = head.readUInt16LE(56);
  for (let index = 0; index < count; index += 1) {
    const at = programHeaders + index * size;
    if (head.readUInt32LE(at) === PT_DYNAMIC) {
      return Number(head.readBigUInt64LE(at + 8)) + Number(head.readBigUInt64LE(at + 32));
    }
  }
  return 0;
}

function inflateToDynamic(zip: string): void {
  const bytes = readFileSync(zip);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const compressedSize = bytes.readUInt32LE(18);
  const start = LOCAL_HEADER_BYTES + nameLength + extraLength;

  const inflater = createInflateRaw({ chunkSize: 1 << 20 });
  let produced = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  inflater.on('data', (chunk: Buffer) => {
    if (produced === 0) {
      stopAt = dynamicSegmentEnd(chunk);
    }
    produced += chunk.length;
    if (produced >= stopAt) {
      process.stdout.write(`${produced}\n`);
      inflater.destroy();
    }
  });
  inflater.end(bytes.subarray(start, start + compressedSize));
}

async function listEntries(zip: string): Promise<void> {
  const archive = await openZipArchive(zip);
  process.stdout.write(`${archive.entries.length}\n`);
  archive.close();
}

const [mode, zip] = process.argv.slice(2);
if (mode === 'inflate') {
  inflateToDynamic(zip);
} else {
  await listEntries(zip);
}
