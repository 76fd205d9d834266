import { crc32, constants as zlibConstants, inflateRawSync } from 'node:zlib';

import { EntryReadError, type PackageEntry } from './entry.js';
import { decodeEntryName } from './names.js';

/** Local file header size before the name (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;

/** General-purpose bit 3: the CRC-32 and sizes follow the data in a data descriptor, and the local header may hold 0. */
const DATA_DESCRIPTOR_FLAG = 0x8;

/** A 32-bit size of 0xFFFFFFFF means the real value is in the zip64 extra field (APPNOTE 4.5.3). */
const ZIP64_SIZE_MARKER = 0xffffffff;

/** Room read for the name and extra field of a local header; a longer one costs a second read. */
const LOCAL_NAME_ROOM = 1024;

/** Most output accepted from inflating a head: a crafted prefix cannot expand without bound. */
const HEAD_MAX_OUTPUT_BYTES = 1 << 20;

/** Deflate expands at most 1,032 times, so this many compressed bytes stay under HEAD_MAX_OUTPUT_BYTES. */
const SHORT_PREFIX_BYTES = 256;

/** Output buffer size of zlib for a head: the default 16 KiB per call adds up over 40,000 entries. */
const HEAD_CHUNK_BYTES = 4 * 1024;

/** Bytes read at a time by the prefetch pass. The local headers and data of small entries are adjacent. */
const PREFETCH_WINDOW_BYTES = 1 << 20;

/**
 * Returns how many compressed bytes to read for a head of `length` bytes. A deflate block header
 * takes a few hundred bytes at most (an estimate from the code length limits), and each further
 * 15 bits give at least one byte of output. So twice the length plus 512 bytes suffices, unless the
 * stream is padded with empty blocks, which the slow path handles. Reading less keeps inflate's work
 * and allocations small in packages of tens of thousands of entries.
 */
export function compressedHeadLength(entry: PackageEntry, length: number): number {
  const requested = entry.compressionMethod === 0 ? length : 2 * length + 512;
  return Math.min(entry.compressedSize, requested);
}

/** Bytes to read from the local header on to get the header, its name and the compressed head. */
export function headSpan(entry: PackageEntry, length: number): number {
  return LOCAL_HEADER_BYTES + LOCAL_NAME_ROOM + compressedHeadLength(entry, length);
}

/** Offset of the entry's data from its local header, read from the header's name and extra lengths. */
export function localDataStart(block: Buffer): number {
  if (block.length < LOCAL_HEADER_BYTES || block.readUInt32LE(0) !== 0x04034b50) {
    throw new EntryReadError('local file header signature not found where the central directory points');
  }
  return LOCAL_HEADER_BYTES + block.readUInt16LE(26) + block.readUInt16LE(28);
}

/** Bytes a local header takes up to the end of its name; `block` must hold at least the fixed part. */
export function localNameEnd(block: Buffer): number {
  return LOCAL_HEADER_BYTES + block.readUInt16LE(26);
}

/**
 * Checks that the local header at the start of `block` agrees with the central directory on the
 * name (byte for byte), the compression method and, unless a data descriptor follows the data, the
 * sizes. Extractors such as Info-ZIP unzip take the method and sizes from the local header, so an
 * entry whose headers disagree does not extract to what the central directory describes. Throws
 * `EntryReadError`; `block` must reach to `localNameEnd(block)`.
 */
export function verifyLocalHeader(block: Buffer, entry: PackageEntry, centralName: Buffer): void {
  const nameEnd = localNameEnd(block);
  if (block.length < nameEnd) {
    throw new EntryReadError(`the local header ends after ${block.length} bytes, before its name ends at byte ${nameEnd}`);
  }

  const flags = block.readUInt16LE(6);
  const localName = block.subarray(LOCAL_HEADER_BYTES, nameEnd);
  if (!localName.equals(centralName)) {
    const local = JSON.stringify(decodeEntryName(localName, flags));
    throw new EntryReadError(`the local header names ${local} but the central directory names ${JSON.stringify(entry.name)}`);
  }

  const method = block.readUInt16LE(8);
  if (method !== entry.compressionMethod) {
    throw new EntryReadError(
      `the local header gives compression method ${method} but the central directory gives ${entry.compressionMethod}`,
    );
  }

  if ((flags & DATA_DESCRIPTOR_FLAG) !== 0) {
    return;
  }
  const sizes = [
    ['compressed size', block.readUInt32LE(18), entry.compressedSize],
    ['uncompressed size', block.readUInt32LE(22), entry.size],
  ] as const;
  for (const [label, local, central] of sizes) {
    if (local !== ZIP64_SIZE_MARKER && local !== central) {
      throw new EntryReadError(`the local header gives ${label} ${local} but the central directory gives ${central}`);
    }
  }
}

/**
 * Compares the CRC-32 of an entry's whole uncompressed data with the one the central directory
 * declares. Throws `EntryReadError` on a mismatch; does nothing for an entry without a CRC-32.
 */
export function verifyCrc32(data: Buffer, entry: PackageEntry): void {
  if (entry.crc32 === null) {
    return;
  }
  const actual = crc32(data);
  if (actual !== entry.crc32) {
    throw new EntryReadError(crc32MismatchMessage(actual, entry.crc32));
  }
}

/** Message of a CRC-32 mismatch, shared with the streamed reader. */
export function crc32MismatchMessage(actual: number, declared: number): string {
  return `CRC-32 mismatch: the data has ${formatCrc32(actual)} but the central directory declares ${formatCrc32(declared)}`;
}

function formatCrc32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/**
 * The first `length` bytes of the entry from the start of its compressed data, or null when the
 * data given does not inflate that far and the caller must read the entry as a stream. When the
 * head is the whole entry, its CRC-32 is checked, and a mismatch throws `EntryReadError`.
 */
export function headFromData(compressed: Buffer, entry: PackageEntry, length: number): Buffer | null {
  const expectedLength = Math.min(length, entry.size);
  if (entry.compressionMethod === 0) {
    // Stored data ends at its compressed size even when the uncompressed size claims more: Info-ZIP
    // unzip 6.0 warns and "continues with compressed size value", and Python 3.11 zipfile reads it.
    const available = Math.min(expectedLength, entry.compressedSize);
    if (compressed.length < available) {
      return null;
    }
    const head = compressed.subarray(0, available);
    if (available === entry.size || available === entry.compressedSize) {
      verifyCrc32(head, entry);
    }
    return head;
  }

  let output = inflateHead(compressed);
  if (output === null) {
    // More output than the limit: the prefix is a highly compressed run, and a shorter prefix,
    // which cannot pass the limit, still gives more than the head.
    output = inflateHead(compressed.subarray(0, SHORT_PREFIX_BYTES));
  }
  if (output === null || output.length < expectedLength) {
    return null;
  }

  // A copy, so the head does not keep inflate's whole output buffer alive.
  const head = Buffer.from(output.subarray(0, expectedLength));
  if (expectedLength === entry.size) {
    verifyCrc32(head, entry);
  }
  return head;
}

/** Inflates a prefix of deflated data; null when the output passes HEAD_MAX_OUTPUT_BYTES. */
function inflateHead(compressed: Buffer): Buffer | null {
  try {
    return inflateRawSync(compressed, {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      chunkSize: HEAD_CHUNK_BYTES,
      maxOutputLength: HEAD_MAX_OUTPUT_BYTES,
    });
  } catch (error) {
    if (error instanceof RangeError) {
      return null;
    }
    throw new EntryReadError(error instanceof Error ? error.message : String(error));
  }
}

/** An entry to prefetch, with the offset of its local header and its name as the central directory stores it. */
export interface PrefetchTarget {
  entry: PackageEntry;
  localHeader: number;
  centralName: Buffer;
}

/**
 * Reads the heads of many entries in one pass over the file, in local-header order, with
 * synchronous reads into one reused window. For a package of 40,000 small files this replaces
 * 40,000 asynchronous reads and their promises. Entries it cannot serve are left out: a damaged
 * header, a local header that disagrees with the central directory, a CRC-32 mismatch, a head beyond
 * the window, or a stream that needs the slow path. The caller reads those one by one and reports
 * their errors there.
 */
export function prefetchHeads(
  targets: PrefetchTarget[],
  length: number,
  readAt: (buffer: Buffer, position: number) => number,
): Map<PackageEntry, Buffer> {
  const heads = new Map<PackageEntry, Buffer>();
  const ordered = [...targets].sort((a, b) => a.localHeader - b.localHeader);

  const window = Buffer.allocUnsafe(PREFETCH_WINDOW_BYTES);
  let windowStart = 0;
  let windowLength = 0;

  for (const target of ordered) {
    const span = headSpan(target.entry, length);
    const inWindow = target.localHeader >= windowStart && target.localHeader + span <= windowStart + windowLength;
    if (!inWindow) {
      windowStart = target.localHeader;
      windowLength = readAt(window, windowStart);
    }

    const blockStart = target.localHeader - windowStart;
    const block = window.subarray(blockStart, Math.min(windowLength, blockStart + span));

    const head = headOfBlock(block, target, length);
    if (head !== null) {
      // The window is reused, so a stored entry's head is copied out of it.
      heads.set(target.entry, target.entry.compressionMethod === 0 ? Buffer.from(head) : head);
    }
  }
  return heads;
}

function headOfBlock(block: Buffer, target: PrefetchTarget, length: number): Buffer | null {
  const entry = target.entry;
  try {
    const dataStart = localDataStart(block);
    verifyLocalHeader(block, entry, target.centralName);
    const compressedLength = compressedHeadLength(entry, length);
    if (dataStart + compressedLength > block.length) {
      return null;
    }
    return headFromData(block.subarray(dataStart, dataStart + compressedLength), entry, length);
  } catch (error) {
    if (error instanceof EntryReadError) {
      return null;
    }
    throw error;
  }
}
