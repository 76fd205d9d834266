/**
 * Readers and patchers for the fields of a little-endian ELF64 file that tests break on purpose.
 * Offsets follow the gABI (Elf64_Ehdr, Elf64_Phdr, Elf64_Dyn, Elf64_Verneed, Elf64_Vernaux).
 */

import { DT_NEEDED, DT_NULL, DT_STRSZ, DT_STRTAB, DT_VERNEED, DT_VERNEEDNUM, PT_DYNAMIC, PT_INTERP, PT_LOAD } from '../../src/elf/constants.js';

export { DT_NEEDED, DT_NULL, DT_STRSZ, DT_STRTAB, DT_VERNEED, DT_VERNEEDNUM, PT_DYNAMIC, PT_INTERP, PT_LOAD };

/** DT_DEBUG, which the reader has no use for; tests overwrite such an entry. */
export const DT_DEBUG = 21;

/** Byte offsets of Elf64_Ehdr fields. */
export const EHDR = { phoff: 32, shoff: 40, phentsize: 54, phnum: 56, shentsize: 58, shnum: 60, shstrndx: 62 } as const;

/** Byte offsets of Elf64_Phdr fields, relative to the start of one program header. */
export const PHDR = { type: 0, offset: 8, vaddr: 16, filesz: 32, memsz: 40 } as const;

export interface ProgramHeaderAt {
  /** File offset of this program header. */
  at: number;
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

export interface DynamicEntryAt {
  /** File offset of this Elf64_Dyn. */
  at: number;
  tag: number;
  value: number;
}

/** Lists the program headers of an ELF64 little-endian file; throws on any other class or order. */
export function programHeaders(elf: Buffer): ProgramHeaderAt[] {
  if (elf[4] !== 2 || elf[5] !== 1) {
    throw new Error('expected an ELF64 little-endian file');
  }
  const phoff = Number(elf.readBigUInt64LE(EHDR.phoff));
  const entrySize = elf.readUInt16LE(EHDR.phentsize);
  const count = elf.readUInt16LE(EHDR.phnum);

  const headers: ProgramHeaderAt[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = phoff + index * entrySize;
    headers.push({
      at,
      type: elf.readUInt32LE(at + PHDR.type),
      offset: Number(elf.readBigUInt64LE(at + PHDR.offset)),
      vaddr: Number(elf.readBigUInt64LE(at + PHDR.vaddr)),
      filesz: Number(elf.readBigUInt64LE(at + PHDR.filesz)),
    });
  }
  return headers;
}

/** Returns the first program header of `type`; throws when there is none. */
export function programHeader(elf: Buffer, type: number): ProgramHeaderAt {
  const header = programHeaders(elf).find((candidate) => candidate.type === type);
  if (header === undefined) {
    throw new Error(`no program header of type ${type}`);
  }
  return header;
}

/** Lists every Elf64_Dyn of PT_DYNAMIC, including the DT_NULL entries that pad it. */
export function dynamicEntries(elf: Buffer): DynamicEntryAt[] {
  const dynamic = programHeader(elf, PT_DYNAMIC);
  const entries: DynamicEntryAt[] = [];
  for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.filesz; at += 16) {
    entries.push({ at, tag: Number(elf.readBigUInt64LE(at)), value: Number(elf.readBigUInt64LE(at + 8)) });
  }
  return entries;
}

/** Returns the first dynamic entry with `tag`; throws when there is none. */
export function dynamicEntry(elf: Buffer, tag: number): DynamicEntryAt {
  const entry = dynamicEntries(elf).find((candidate) => candidate.tag === tag);
  if (entry === undefined) {
    throw new Error(`no dynamic entry with tag 0x${tag.toString(16)}`);
  }
  return entry;
}

/** Maps a virtual address to its file offset through the PT_LOAD that contains it. */
export function addressToOffset(elf: Buffer, address: number): number {
  for (const header of programHeaders(elf)) {
    if (header.type === PT_LOAD && address >= header.vaddr && address < header.vaddr + header.filesz) {
      return header.offset + (address - header.vaddr);
    }
  }
  throw new Error(`address 0x${address.toString(16)} is in no PT_LOAD`);
}
