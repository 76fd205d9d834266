/** Size of one cached block: the local headers and data of small entries lie one after another. */
const BLOCK_BYTES = 1 << 20;

/** Blocks kept at once; entries are read roughly in file order, so a few blocks suffice. */
const MAX_BLOCKS = 4;

/**
 * Serves small reads of a file from 1 MiB blocks, so classifying tens of thousands of entries costs one
 * read per block instead of one per entry. Memory is bounded by `MAX_BLOCKS` blocks.
 */
export class BlockCache {
  private readonly readBlock: (buffer: Buffer, position: number) => Promise<number>;
  private readonly blocks = new Map<number, Promise<Buffer>>();

  constructor(readBlock: (buffer: Buffer, position: number) => Promise<number>) {
    this.readBlock = readBlock;
  }

  /** Reads up to `length` bytes at `position`; shorter only at the end of the file. */
  async read(position: number, length: number): Promise<Buffer> {
    const first = Math.floor(position / BLOCK_BYTES);
    const last = Math.floor((position + length - 1) / BLOCK_BYTES);
    const parts: Buffer[] = [];

    for (let index = first; index <= last; index += 1) {
      const block = await this.block(index);
      const blockStart = index * BLOCK_BYTES;
      const from = Math.max(0, position - blockStart);
      const to = Math.min(block.length, position + length - blockStart);
      if (from >= to) {
        break;
      }
      parts.push(block.subarray(from, to));
      if (block.length < BLOCK_BYTES) {
        break;
      }
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  private block(index: number): Promise<Buffer> {
    const cached = this.blocks.get(index);
    if (cached !== undefined) {
      // Move to the end of the map, which keeps it in least-recently-used order.
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }

    const loading = (async () => {
      const buffer = Buffer.alloc(BLOCK_BYTES);
      const count = await this.readBlock(buffer, index * BLOCK_BYTES);
      return buffer.subarray(0, count);
    })();
    this.blocks.set(index, loading);
    if (this.blocks.size > MAX_BLOCKS) {
      const oldest = this.blocks.keys().next().value as number;
      this.blocks.delete(oldest);
    }
    return loading;
  }
}
