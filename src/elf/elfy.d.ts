declare module 'elfy' {
  /** ELF header fields as elfy decodes them; names, not numbers, for class, data, type and machine. */
  export interface ElfyHeader {
    class: '32' | '64';
    endian: 'lsb' | 'msb';
    osabi: string | undefined;
    type: string | undefined;
    machine: string | undefined;
    entry: number;
    phoff: number;
    shoff: number;
    flags: number;
    ehsize: number;
    phentsize: number;
    phnum: number;
    shentsize: number;
    shnum: number;
    shstrndx: number;
  }

  export class Parser {
    parseHeader(buffer: Buffer): ElfyHeader;
  }

  const elfy: { Parser: typeof Parser; constants: Record<string, Record<number, string>> };
  export default elfy;
}
