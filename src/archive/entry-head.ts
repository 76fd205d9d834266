import { constants as zlibConstants, inflateRawSync } from 'node:zlib';

import { EntryReadError, type PackageEntry } from './entry.js';

/** Local file header size before the name (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;

/** Room read for the name and extra field of a local header; a longer one costs a second read. */
const LOCAL_NAME_ROOM = 1024;

/** Most output accepted from inflating a head: a crafted prefix cannot expand without bound. */
const HEAD_MAX_OUTPUT_BYTES = 1 << 20;

/** Deflate expands at most 1,032 times, so this many compressed bytes stay under HEAD_MAX_OUTPUT_BYTES. */
const SHORT_PREFIX_BYTES = 256;

/** Output buffer size of zlib for a head: the default 16 KiB per call adds up over 40,000 entries. */
const HEAD_CHUNK_BYTES = 4 * 1024;

/** Bytes read at a time by the prefetch pass; the local headers and data of small entries lie in a row. */
const PREFETCH_WINDOW_BYTES = 1 << 20;

/**
 * Compressed bytes read for a head of `length` bytes. A deflate block header takes at most a few
 * hundred bytes and every further 15 bits give at least one byte of output, so twice the length plus
 * 512 bytes suffices unless the stream is padded with empty blocks, which the slow path handles.
 * Reading less keeps inflate's work and allocations small: packages hold tens of thousands of entries.
 */
export function compressedHeadLength(entry: PackageEntry, length: number): number {
  const wanted = entry.compressionMethod === 0 ? length : 2 * length + 512;
  return Math.min(entry.compressedSize, wanted);
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

/**
 * The first `length` bytes of the entry from the start of its compressed data, or null when the
 * data given does not inflate that far and the caller must read the entry as a stream.
 */
export function headFromData(compressed: Buffer, entry: PackageEntry, length: number): Buffer | null {
  const wanted = Math.min(length, entry.size);
  if (entry.compressionMethod === 0) {
    // Stored data is as long as the compressed size, whatever the declared size says.
    const stored = Math.min(wanted, entry.compressedSize);
    return compressed.length >= stored ? compressed.subarray(0, stored) : null;
  }

  let output = inflateHead(compressed);
  if (output === null) {
    // More output than the limit: the prefix is a highly compressed run, and a shorter prefix,
    // which cannot pass the limit, still gives more than the head.
    output = inflateHead(compressed.subarray(0, SHORT_PREFIX_BYTES));
  }
  if (output === null || output.length < wanted) {
    return null;
  }

  // A copy, so the head does not keep inflate's whole output buffer alive.
  return Buffer.from(output.subarray(0, wanted));
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

/** An entry to prefetch, with the offset of its local header. */
export interface PrefetchTarget {
  entry: PackageEntry;
  localHeader: number;
}

/**
 * Reads the heads of many entries in one pass over the file, in local-header order, with
 * synchronous reads into one reused window. For a package of 40,000 small files this replaces
 * 40,000 asynchronous reads and their promises. Entries it cannot serve (a damaged header, a head
 * beyond the window, a stream that needs the slow path) are left out; the caller reads them one by
 * one and reports their errors there.
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

    const head = headOfBlock(block, target.entry, length);
    if (head !== null) {
      // The window is reused, so a stored entry's head is copied out of it.
      heads.set(target.entry, target.entry.compressionMethod === 0 ? Buffer.from(head) : head);
    }
  }
  return heads;
}

function headOfBlock(block: Buffer, entry: PackageEntry, length: number): Buffer | null {
  try {
    const dataStart = localDataStart(block);
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
