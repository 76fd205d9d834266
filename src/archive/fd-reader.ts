import { close, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';

import yauzl from 'yauzl';

import { BlockCache } from './block-cache.js';

/** Bytes read per fs.read call when streaming an entry. */
const READ_CHUNK_BYTES = 1 << 20;

/**
 * A yauzl random-access reader over one file descriptor that lambda-lint owns.
 *
 * yauzl's own fd reader can issue a queued read after the zip is closed when a stream was destroyed
 * early, which crashes the process. This reader counts reads in flight and closes the descriptor only
 * after the last one has finished, so streams may be abandoned at any point.
 */
export class FdRandomAccessReader extends yauzl.RandomAccessReader {
  private readonly fd: number;
  private readonly blocks = new BlockCache((buffer, position) => this.readUpTo(buffer, position));
  private inFlight = 0;
  private shutdownRequested = false;
  private closed = false;

  constructor(fd: number) {
    super();
    this.fd = fd;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    let position = start;

    const stream = new Readable({
      highWaterMark: READ_CHUNK_BYTES,
      read: (size: number) => {
        const length = Math.min(size, READ_CHUNK_BYTES, end - position);
        if (length <= 0) {
          stream.push(null);
          return;
        }

        const buffer = Buffer.allocUnsafe(length);
        this.readAt(buffer, 0, length, position, (error, bytesRead) => {
          if (stream.destroyed) {
            return;
          }
          if (error !== null) {
            stream.destroy(error);
            return;
          }
          if (bytesRead === 0) {
            stream.destroy(new Error(`file ends at byte ${position}, before the entry data ends at byte ${end}`));
            return;
          }
          position += bytesRead;
          stream.push(buffer.subarray(0, bytesRead));
        });
      },
    });
    return stream;
  }

  /**
   * Serves yauzl's small reads (central directory records, local headers) from 1 MiB blocks: yauzl
   * reads each record with its own call, which for 40,000 entries meant 80,000 system calls.
   */
  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null) => void,
  ): void {
    this.blocks.read(position, length).then(
      (bytes) => {
        if (bytes.length < length) {
          callback(new Error(`file ends before byte ${position + length}`));
          return;
        }
        bytes.copy(buffer, offset);
        callback(null);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Reads through the block cache: for many small reads at nearby positions. */
  readCached(position: number, length: number): Promise<Buffer> {
    return this.blocks.read(position, length);
  }

  /**
   * Reads into `buffer` from `position` synchronously, as far as the file goes, and returns the byte
   * count. For one pass over many small entries, where a promise per read costs more than the read.
   */
  readUpToSync(buffer: Buffer, position: number): number {
    if (this.closed) {
      throw new Error('the zip file is already closed');
    }
    let filled = 0;
    while (filled < buffer.length) {
      const count = readSync(this.fd, buffer, filled, buffer.length - filled, position + filled);
      if (count === 0) {
        break;
      }
      filled += count;
    }
    return filled;
  }

  /** Reads into `buffer` from `position`, as far as the file goes; resolves with the byte count. */
  readUpTo(buffer: Buffer, position: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.readAt(buffer, 0, buffer.length, position, (error, bytesRead) => {
        if (error !== null) {
          reject(error);
          return;
        }
        resolve(bytesRead);
      });
    });
  }

  /** yauzl calls this when its own reference count drops to zero; the descriptor is closed by `shutdown`. */
  override close(callback: (error: Error | null) => void): void {
    setImmediate(() => callback(null));
  }

  /** Closes the descriptor once no read is in flight. Safe to call more than once. */
  shutdown(): void {
    this.shutdownRequested = true;
    this.closeIfIdle();
  }

  private readAt(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead: number) => void,
  ): void {
    if (this.closed) {
      callback(new Error('the zip file is already closed'), 0);
      return;
    }

    this.inFlight += 1;
    read(this.fd, buffer, offset, length, position, (error, bytesRead) => {
      this.inFlight -= 1;
      this.closeIfIdle();
      callback(error, bytesRead);
    });
  }

  private closeIfIdle(): void {
    if (!this.shutdownRequested || this.closed || this.inFlight > 0) {
      return;
    }
    this.closed = true;
    close(this.fd, () => undefined);
  }
}
