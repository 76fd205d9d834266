import type { EntrySource } from '../../src/archive/entry.js';

/** An EntrySource over bytes in memory, for feeding hand-made ELF files to the reader. */
export class BufferSource implements EntrySource {
  readonly size: number;
  private readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    this.size = bytes.length;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    return this.bytes.subarray(Math.max(0, offset), Math.min(this.size, offset + length));
  }

  retain(): void {}

  async drain(): Promise<void> {}

  close(): void {}
}
