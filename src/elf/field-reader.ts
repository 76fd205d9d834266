/** Reads ELF fields of either byte order from a buffer; offsets are relative to the buffer. */
export class FieldReader {
  readonly buffer: Buffer;
  private readonly little: boolean;
  private readonly elfClass: 32 | 64;

  constructor(buffer: Buffer, byteOrder: 'little' | 'big', elfClass: 32 | 64) {
    this.buffer = buffer;
    this.little = byteOrder === 'little';
    this.elfClass = elfClass;
  }

  /** True when `size` bytes at `offset` lie inside the buffer. */
  has(offset: number, size: number): boolean {
    return offset >= 0 && offset + size <= this.buffer.length;
  }

  half(offset: number): number {
    return this.little ? this.buffer.readUInt16LE(offset) : this.buffer.readUInt16BE(offset);
  }

  word(offset: number): number {
    return this.little ? this.buffer.readUInt32LE(offset) : this.buffer.readUInt32BE(offset);
  }

  /**
   * Reads a 64-bit field as a JavaScript number. Values above 2^53 lose precision; such offsets and
   * addresses are past any real file and fail the bounds checks anyway.
   */
  xword(offset: number): number {
    const value = this.little ? this.buffer.readBigUInt64LE(offset) : this.buffer.readBigUInt64BE(offset);
    return Number(value);
  }

  /** Reads an address, offset or size of the file's class: Elf32_Word/Addr or Elf64_Xword/Addr. */
  natural(offset: number): number {
    return this.elfClass === 64 ? this.xword(offset) : this.word(offset);
  }
}
