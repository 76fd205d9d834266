import type { EntrySource } from '../archive/entry.js';
import {
  DT_FLAGS_1,
  DT_NEEDED,
  DT_NULL,
  DT_RPATH,
  DT_RUNPATH,
  DT_SONAME,
  DT_STRSZ,
  DT_STRTAB,
  DT_VERDEF,
  DT_VERDEFNUM,
  DT_VERNEED,
  DT_VERNEEDNUM,
  PT_LOAD,
  VER_FLG_BASE,
  VER_FLG_WEAK,
} from './constants.js';
import { FieldReader } from './field-reader.js';
import type { ElfInfo, ElfVersionNeed, ProgramHeader } from './read-elf.js';

/** Real dynamic sections hold a few dozen entries; this bounds a forged PT_DYNAMIC. */
const MAX_DYNAMIC_BYTES = 1 << 20;

/** Maximum length of a string read from .dynstr (sonames, paths, version names). */
const MAX_STRING_BYTES = 4096;

/** Bounds on DT_VERNEED / DT_VERDEF chains, which a forged file can make loop. */
const MAX_VERSION_RECORDS = 4096;

export interface DynamicInfo {
  needed: string[];
  soname: string | null;
  rpath: string[];
  runpath: string[];
  flags1: number;
  versionNeeds: ElfVersionNeed[];
  versionDefinitions: string[];
  dynamicStrings: { offset: number; size: number } | null;
}

interface DynamicTags {
  needed: number[];
  strtab: number | null;
  strsz: number | null;
  soname: number | null;
  rpath: number | null;
  runpath: number | null;
  flags1: number;
  verneed: number | null;
  verneednum: number;
  verdef: number | null;
  verdefnum: number;
}

/** Reads the dynamic section, then the strings and version records it points to. */
export async function readDynamicInfo(
  source: EntrySource,
  info: ElfInfo,
  segment: ProgramHeader,
  loads: ProgramHeader[],
  problems: string[],
): Promise<DynamicInfo> {
  const result: DynamicInfo = {
    needed: [],
    soname: null,
    rpath: [],
    runpath: [],
    flags1: 0,
    versionNeeds: [],
    versionDefinitions: [],
    dynamicStrings: null,
  };

  if (segment.offset + segment.filesz > source.size) {
    problems.push('PT_DYNAMIC extends past the end of the file');
    return result;
  }

  const bytes = await source.read(segment.offset, Math.min(segment.filesz, MAX_DYNAMIC_BYTES));
  const tags = parseDynamicTags(new FieldReader(bytes, info.byteOrder, info.elfClass), info.elfClass, problems);
  result.flags1 = tags.flags1;

  if (tags.strtab === null) {
    if (tags.needed.length > 0 || tags.soname !== null) {
      problems.push('dynamic section names libraries but has no DT_STRTAB');
    }
    return result;
  }

  const strtabOffset = addressToOffset(tags.strtab, loads);
  if (strtabOffset === null) {
    problems.push(`DT_STRTAB address 0x${tags.strtab.toString(16)} is not inside any PT_LOAD segment`);
    return result;
  }
  const strtab = new StringTable(source, strtabOffset, tags.strsz, problems);
  result.dynamicStrings = { offset: strtabOffset, size: Math.min(tags.strsz ?? 0, Math.max(0, source.size - strtabOffset)) };

  for (const offset of tags.needed) {
    result.needed.push(await strtab.get(offset));
  }
  if (tags.soname !== null) {
    result.soname = await strtab.get(tags.soname);
  }
  if (tags.rpath !== null) {
    result.rpath = splitSearchPath(await strtab.get(tags.rpath));
  }
  if (tags.runpath !== null) {
    result.runpath = splitSearchPath(await strtab.get(tags.runpath));
  }

  if (tags.verneed !== null) {
    const offset = addressToOffset(tags.verneed, loads);
    if (offset === null) {
      problems.push('DT_VERNEED address is not inside any PT_LOAD segment');
    } else {
      result.versionNeeds = await readVersionNeeds(source, info, offset, tags.verneednum, strtab, problems);
    }
  }

  if (tags.verdef !== null) {
    const offset = addressToOffset(tags.verdef, loads);
    if (offset === null) {
      problems.push('DT_VERDEF address is not inside any PT_LOAD segment');
    } else {
      result.versionDefinitions = await readVersionDefinitions(source, info, offset, tags.verdefnum, strtab, problems);
    }
  }

  return result;
}

function parseDynamicTags(reader: FieldReader, elfClass: 32 | 64, problems: string[]): DynamicTags {
  const tags: DynamicTags = {
    needed: [],
    strtab: null,
    strsz: null,
    soname: null,
    rpath: null,
    runpath: null,
    flags1: 0,
    verneed: null,
    verneednum: 0,
    verdef: null,
    verdefnum: 0,
  };

  const entrySize = elfClass === 64 ? 16 : 8;
  const fieldSize = entrySize / 2;
  let terminated = false;

  for (let offset = 0; reader.has(offset, entrySize); offset += entrySize) {
    const tag = reader.natural(offset);
    const value = reader.natural(offset + fieldSize);

    if (tag === DT_NULL) {
      terminated = true;
      break;
    }

    switch (tag) {
      case DT_NEEDED:
        tags.needed.push(value);
        break;
      case DT_STRTAB:
        tags.strtab = value;
        break;
      case DT_STRSZ:
        tags.strsz = value;
        break;
      case DT_SONAME:
        tags.soname = value;
        break;
      case DT_RPATH:
        tags.rpath = value;
        break;
      case DT_RUNPATH:
        tags.runpath = value;
        break;
      case DT_FLAGS_1:
        tags.flags1 = value;
        break;
      case DT_VERNEED:
        tags.verneed = value;
        break;
      case DT_VERNEEDNUM:
        tags.verneednum = value;
        break;
      case DT_VERDEF:
        tags.verdef = value;
        break;
      case DT_VERDEFNUM:
        tags.verdefnum = value;
        break;
      default:
        break;
    }
  }

  if (!terminated) {
    problems.push('dynamic section has no DT_NULL terminator');
  }
  return tags;
}

/** Maps a virtual address to a file offset through the PT_LOAD segment that contains it. */
function addressToOffset(address: number, segments: ProgramHeader[]): number | null {
  for (const segment of segments) {
    if (segment.type !== PT_LOAD) {
      continue;
    }
    if (address >= segment.vaddr && address < segment.vaddr + segment.filesz) {
      return segment.offset + (address - segment.vaddr);
    }
  }
  return null;
}

function splitSearchPath(value: string): string[] {
  return value.split(':').filter((part) => part.length > 0);
}

/** Bounded access to NUL-terminated strings of .dynstr, read on demand. */
class StringTable {
  private readonly source: EntrySource;
  private readonly offset: number;
  private readonly size: number;
  private readonly problems: string[];

  constructor(source: EntrySource, offset: number, declaredSize: number | null, problems: string[]) {
    this.source = source;
    this.offset = offset;
    this.size = declaredSize ?? Math.max(0, source.size - offset);
    this.problems = problems;
  }

  async get(index: number): Promise<string> {
    if (index >= this.size || this.offset + index >= this.source.size) {
      this.problems.push(`string offset ${index} is past the end of the dynamic string table`);
      return '';
    }

    const length = Math.min(MAX_STRING_BYTES, this.size - index);
    const bytes = await this.source.read(this.offset + index, length);
    const terminator = bytes.indexOf(0);
    if (terminator === -1) {
      this.problems.push(`string at offset ${index} of the dynamic string table is not terminated`);
      return bytes.toString('latin1');
    }
    return bytes.toString('latin1', 0, terminator);
  }
}

async function readVersionNeeds(
  source: EntrySource,
  info: ElfInfo,
  start: number,
  count: number,
  strtab: StringTable,
  problems: string[],
): Promise<ElfVersionNeed[]> {
  const needs: ElfVersionNeed[] = [];
  const visited = new Set<number>();
  let offset = start;

  // Elf32_Verneed and Elf64_Verneed have the same 16-byte layout; so do the 16-byte Vernaux records.
  for (let record = 0; record < Math.min(count, MAX_VERSION_RECORDS); record += 1) {
    if (visited.has(offset)) {
      problems.push('DT_VERNEED chain loops back on itself');
      break;
    }
    visited.add(offset);

    const head = await readRecord(source, info, offset, 16);
    if (head === null) {
      problems.push(`version need record at byte ${offset} is past the end of the file`);
      break;
    }

    const auxCount = head.half(2);
    const need: ElfVersionNeed = { file: await strtab.get(head.word(4)), versions: [] };
    let auxOffset = offset + head.word(8);
    const visitedAux = new Set<number>();

    for (let aux = 0; aux < Math.min(auxCount, MAX_VERSION_RECORDS); aux += 1) {
      if (visitedAux.has(auxOffset)) {
        problems.push('version need auxiliary chain loops back on itself');
        break;
      }
      visitedAux.add(auxOffset);

      const auxRecord = await readRecord(source, info, auxOffset, 16);
      if (auxRecord === null) {
        problems.push(`version need auxiliary record at byte ${auxOffset} is past the end of the file`);
        break;
      }

      const flags = auxRecord.half(4);
      need.versions.push({ name: await strtab.get(auxRecord.word(8)), weak: (flags & VER_FLG_WEAK) !== 0 });

      const next = auxRecord.word(12);
      if (next === 0) {
        break;
      }
      auxOffset += next;
    }

    needs.push(need);

    const next = head.word(12);
    if (next === 0) {
      break;
    }
    offset += next;
  }

  return needs;
}

async function readVersionDefinitions(
  source: EntrySource,
  info: ElfInfo,
  start: number,
  count: number,
  strtab: StringTable,
  problems: string[],
): Promise<string[]> {
  const names: string[] = [];
  const visited = new Set<number>();
  let offset = start;

  // Elf_Verdef is 20 bytes in both classes; its first Elf_Verdaux (8 bytes) names the version.
  for (let record = 0; record < Math.min(count, MAX_VERSION_RECORDS); record += 1) {
    if (visited.has(offset)) {
      problems.push('DT_VERDEF chain loops back on itself');
      break;
    }
    visited.add(offset);

    const head = await readRecord(source, info, offset, 20);
    if (head === null) {
      problems.push(`version definition record at byte ${offset} is past the end of the file`);
      break;
    }

    const flags = head.half(2);
    const aux = await readRecord(source, info, offset + head.word(12), 8);
    if (aux !== null && (flags & VER_FLG_BASE) === 0) {
      names.push(await strtab.get(aux.word(0)));
    }

    const next = head.word(16);
    if (next === 0) {
      break;
    }
    offset += next;
  }

  return names;
}

async function readRecord(
  source: EntrySource,
  info: ElfInfo,
  offset: number,
  size: number,
): Promise<FieldReader | null> {
  if (offset < 0 || offset + size > source.size) {
    return null;
  }
  const bytes = await source.read(offset, size);
  if (bytes.length < size) {
    return null;
  }
  return new FieldReader(bytes, info.byteOrder, info.elfClass);
}
