import type { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

import { crc32MismatchMessage } from './entry-head.js';
import { EntryReadError, type EntrySource } from './entry.js';

/** Bytes at the start of an entry that are always kept: headers of every format we read live there. */
const DEFAULT_PREFIX_BYTES = 1 << 20;

/**
 * Inflater output chunk size for large entries: Node's zlib with 1 MiB chunks is several times faster
 * than with 16 KiB chunks. Small entries get a chunk of their own size, because every inflater
 * allocates one chunk up front and a package can hold tens of thousands of entries.
 */
const MAX_INFLATE_CHUNK_BYTES = 1 << 20;
const MIN_INFLATE_CHUNK_BYTES = 16 * 1024;

/** Reads that start behind the stream position restart the stream; this bounds the cost of a bad layout. */
const MAX_RESTARTS = 4;

/**
 * Furthest byte of an entry that is ever inflated: Lambda's unzipped limit (262,144,000 bytes) for a
 * whole package. Headers that point further are only possible in a package Lambda rejects anyway,
 * and following them would let a crafted entry cost gigabytes of inflation.
 */
const MAX_INFLATED_OFFSET = 262_144_000;

/** Options of a `StreamedEntrySource`. */
export interface StreamedSourceOptions {
  /** Bytes at the start that are always kept; 1 MiB by default. */
  prefixBytes?: number;
  /** CRC-32 the whole data must have, checked when the stream reaches the declared size; null skips the check. */
  expectedCrc32?: number | null;
}

interface RetainedChunk {
  start: number;
  data: Buffer;
}

/**
 * An `EntrySource` over a zip entry that can only be read forward (stored or deflated).
 *
 * It inflates only as far as the furthest byte asked for, keeps the first `prefixBytes` and any range
 * registered with `retain`, and drops everything else, so memory stays bounded for entries of any size.
 * A read of a dropped range restarts the stream from the beginning. Whenever one stream produces
 * the whole declared size, the CRC-32 of its output is compared with `expectedCrc32`.
 */
export class StreamedEntrySource implements EntrySource {
  readonly size: number;

  private readonly openRaw: () => Promise<Readable>;
  private readonly compressionMethod: number;
  private readonly prefixBytes: number;
  private readonly expectedCrc32: number | null;
  private readonly wanted: Array<[number, number]> = [];
  private retained: RetainedChunk[] = [];
  private iterator: AsyncIterator<Buffer> | null = null;
  private streams: Readable[] = [];
  private position = 0;
  private ended = false;
  private restarts = 0;
  /** CRC-32 of the bytes the current stream has produced so far. */
  private runningCrc32 = 0;

  constructor(
    openRaw: () => Promise<Readable>,
    compressionMethod: number,
    size: number,
    options: StreamedSourceOptions = {},
  ) {
    this.openRaw = openRaw;
    this.compressionMethod = compressionMethod;
    this.size = size;
    this.prefixBytes = options.prefixBytes ?? DEFAULT_PREFIX_BYTES;
    this.expectedCrc32 = options.expectedCrc32 ?? null;
  }

  retain(start: number, end: number): void {
    const clampedEnd = Math.min(end, this.size);
    if (clampedEnd > start) {
      this.wanted.push([start, clampedEnd]);
    }
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(offset + length, this.size);
    if (offset < 0 || end <= offset) {
      return Buffer.alloc(0);
    }
    if (end > MAX_INFLATED_OFFSET) {
      throw new EntryReadError(`a read at byte ${offset} lies past the ${MAX_INFLATED_OFFSET} bytes Lambda accepts unzipped`);
    }

    if (!this.isAvailable(offset, end)) {
      if (this.restarts >= MAX_RESTARTS) {
        throw new EntryReadError('gave up after re-reading the entry too many times');
      }
      this.restarts += 1;
      this.wanted.push([offset, end]);
      this.resetStream();
    } else {
      this.wanted.push([offset, end]);
    }

    await this.pumpTo(end);
    return this.assemble(offset, end);
  }

  /**
   * Inflates on to the end of the data without keeping what streams past, so corrupt data or a CRC-32
   * mismatch surfaces as `EntryReadError`. Data that ends before the declared size is accepted here,
   * as Info-ZIP unzip 6.0 and Python 3.11 zipfile accept it, and its CRC-32 is checked over the bytes
   * it has. Does nothing when the stream has reached the end already.
   */
  async drain(): Promise<void> {
    if (this.size > MAX_INFLATED_OFFSET) {
      return;
    }
    await this.pumpTo(this.size, true);
  }

  close(): void {
    this.resetStream();
    this.retained = [];
  }

  /** True when [start, end) is retained already or still ahead of the stream. */
  private isAvailable(start: number, end: number): boolean {
    if (start >= this.position) {
      return true;
    }
    const retainedUpTo = this.coveredFrom(start);
    return retainedUpTo >= Math.min(end, this.position);
  }

  /** Returns the end of the contiguous retained run that starts at or before `start`. */
  private coveredFrom(start: number): number {
    let reached = start;
    for (const chunk of this.retained) {
      const chunkEnd = chunk.start + chunk.data.length;
      if (chunk.start <= reached && chunkEnd > reached) {
        reached = chunkEnd;
      }
    }
    return reached;
  }

  private resetStream(): void {
    for (const stream of this.streams) {
      stream.destroy();
    }
    this.streams = [];
    this.iterator = null;
    this.position = 0;
    this.ended = false;
    this.retained = [];
    this.runningCrc32 = 0;
  }

  private async startStream(): Promise<void> {
    let raw: Readable;
    try {
      raw = await this.openRaw();
    } catch (error) {
      throw new EntryReadError(describeError(error));
    }

    if (this.compressionMethod === 0) {
      this.streams = [raw];
      this.iterator = raw[Symbol.asyncIterator]();
      return;
    }

    const chunkSize = Math.min(MAX_INFLATE_CHUNK_BYTES, Math.max(MIN_INFLATE_CHUNK_BYTES, this.size));
    const inflater = createInflateRaw({ chunkSize });
    raw.on('error', (error) => inflater.destroy(error));
    raw.pipe(inflater);
    this.streams = [raw, inflater];
    this.iterator = inflater[Symbol.asyncIterator]();
  }

  private async pumpTo(end: number, acceptShortData = false): Promise<void> {
    while (this.position < end && !this.ended) {
      if (this.iterator === null) {
        await this.startStream();
      }

      let step: IteratorResult<Buffer>;
      try {
        step = await (this.iterator as AsyncIterator<Buffer>).next();
      } catch (error) {
        this.resetStream();
        throw new EntryReadError(describeError(error));
      }

      if (step.done === true) {
        this.ended = true;
        if (this.position < this.size) {
          this.verifyCrc32();
        }
        break;
      }

      this.keep(step.value);
    }

    if (this.position < end && this.ended && this.position < this.size && !acceptShortData) {
      const produced = this.position;
      this.resetStream();
      throw new EntryReadError(`data ends after ${produced} of ${this.size} declared bytes`);
    }
  }

  private keep(chunk: Buffer): void {
    const start = this.position;
    const end = start + chunk.length;
    this.position = end;

    if (end > this.size) {
      this.resetStream();
      throw new EntryReadError(`data inflates to more than its declared ${this.size} bytes`);
    }

    if (this.expectedCrc32 !== null) {
      this.runningCrc32 = crc32(chunk, this.runningCrc32);
      if (end === this.size) {
        this.verifyCrc32();
      }
    }

    if (start < this.prefixBytes || this.wanted.some(([from, to]) => from < end && to > start)) {
      this.retained.push({ start, data: chunk });
    }
  }

  /** Compares the CRC-32 of everything the current stream produced with the expected one. */
  private verifyCrc32(): void {
    if (this.expectedCrc32 === null || this.runningCrc32 === this.expectedCrc32) {
      return;
    }
    const actual = this.runningCrc32;
    this.resetStream();
    throw new EntryReadError(crc32MismatchMessage(actual, this.expectedCrc32));
  }

  private assemble(start: number, end: number): Buffer {
    const parts: Buffer[] = [];
    let cursor = start;

    for (const chunk of this.retained) {
      const chunkEnd = chunk.start + chunk.data.length;
      if (chunkEnd <= cursor || chunk.start > cursor) {
        continue;
      }
      const sliceEnd = Math.min(end, chunkEnd);
      parts.push(chunk.data.subarray(cursor - chunk.start, sliceEnd - chunk.start));
      cursor = sliceEnd;
      if (cursor >= end) {
        break;
      }
    }

    return Buffer.concat(parts);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
