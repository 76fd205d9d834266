import elfy from 'elfy';

import type { EntrySource } from '../archive/entry.js';
import {
  DF_1_PIE,
  ET_DYN,
  ET_EXEC,
  PT_DYNAMIC,
  PT_INTERP,
  PT_LOAD,
  machineName,
} from './constants.js';
import { readDynamicInfo } from './dynamic.js';
import { FieldReader } from './field-reader.js';

export type ElfLinkage = 'static' | 'static-pie' | 'dynamic' | 'shared-library';

/** One DT_VERNEED record: the versions a file needs from one of its DT_NEEDED libraries. */
export interface ElfVersionNeed {
  /** vn_file, the soname the versions are needed from. */
  file: string;
  versions: Array<{ name: string; weak: boolean }>;
}

export interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
}

/** The facts of one ELF file that the loader acts on, read without section headers. */
export interface ElfInfo {
  elfClass: 32 | 64;
  byteOrder: 'little' | 'big';
  /** e_type: 2 = ET_EXEC, 3 = ET_DYN. */
  type: number;
  machine: number;
  machineName: string;
  /** PT_INTERP, the dynamic loader the kernel starts; null when there is none. */
  interpreter: string | null;
  needed: string[];
  soname: string | null;
  rpath: string[];
  runpath: string[];
  flags1: number;
  versionNeeds: ElfVersionNeed[];
  /** Version names this file defines (DT_VERDEF), without its own base version. */
  versionDefinitions: string[];
  linkage: ElfLinkage;
  /** True for a file the kernel can execute: ET_EXEC, or ET_DYN with PT_INTERP or DF_1_PIE. */
  executable: boolean;
  /** File offset and size of the dynamic string table (.dynstr), or null when there is none. */
  dynamicStrings: { offset: number; size: number } | null;
  /** Structural defects found while reading; non-empty means the file is malformed or truncated. */
  problems: string[];
}

const ELF_IDENT_SIZE = 16;

/** Largest program header table read: e_phnum is 16 bits, so 65,535 entries of 56 bytes. */
const MAX_PROGRAM_HEADER_BYTES = 0xffff * 56;

/** The first PT_LOAD normally contains .dynstr and .gnu.version_r, so up to this much of it is kept in memory. */
const MAX_RETAINED_FIRST_LOAD = 64 * 1024 * 1024;

const MAX_INTERPRETER_BYTES = 4096;

/**
 * Reads the ELF header, the program headers, PT_INTERP and the dynamic section of an ELF file.
 *
 * Every offset and count is checked against the file size before it is used, so a malformed file
 * yields `problems` instead of an exception or an unbounded read.
 */
export async function readElf(source: EntrySource): Promise<ElfInfo> {
  const problems: string[] = [];
  const ident = await source.read(0, 64);

  const info: ElfInfo = {
    elfClass: ident[4] === 1 ? 32 : 64,
    byteOrder: ident[5] === 2 ? 'big' : 'little',
    type: 0,
    machine: 0,
    machineName: 'unknown',
    interpreter: null,
    needed: [],
    soname: null,
    rpath: [],
    runpath: [],
    flags1: 0,
    versionNeeds: [],
    versionDefinitions: [],
    linkage: 'static',
    executable: false,
    dynamicStrings: null,
    problems,
  };

  const headerSize = info.elfClass === 32 ? 52 : 64;
  if (ident.length < ELF_IDENT_SIZE || (ident[4] !== 1 && ident[4] !== 2) || (ident[5] !== 1 && ident[5] !== 2)) {
    problems.push('invalid e_ident: EI_CLASS or EI_DATA is neither 1 nor 2');
    return info;
  }
  if (ident.length < headerSize) {
    problems.push(`file ends inside the ELF header (${ident.length} of ${headerSize} bytes)`);
    if (ident.length >= 20) {
      const fields = new FieldReader(ident, info.byteOrder, info.elfClass);
      info.type = fields.half(16);
      info.machine = fields.half(18);
      info.machineName = machineName(info.machine);
    }
    return info;
  }

  // elfy decodes the fixed ELF header. The rest of the file is read below with bounded reads, because
  // elfy's own parser needs the whole file in memory and throws on stripped section tables.
  const header = new elfy.Parser().parseHeader(ident.subarray(0, headerSize));
  const fields = new FieldReader(ident, info.byteOrder, info.elfClass);
  info.type = fields.half(16);
  info.machine = fields.half(18);
  info.machineName = machineName(info.machine);

  const programHeaders = await readProgramHeaders(source, header, info, problems);

  for (const [index, segment] of programHeaders.entries()) {
    if (segment.type === PT_LOAD && segment.offset + segment.filesz > source.size) {
      problems.push(
        `PT_LOAD segment ${index} ends at byte ${segment.offset + segment.filesz}, past the end of the ${source.size}-byte file (truncated)`,
      );
    }
  }

  // A separate debug file keeps PT_INTERP but not its bytes, which read as an empty string there.
  const interp = programHeaders.find((segment) => segment.type === PT_INTERP);
  if (interp !== undefined) {
    const path = await readInterpreter(source, interp, problems);
    info.interpreter = path === '' ? null : path;
  }

  const firstLoad = programHeaders.find((segment) => segment.type === PT_LOAD);
  if (firstLoad !== undefined) {
    source.retain(firstLoad.offset, firstLoad.offset + Math.min(firstLoad.filesz, MAX_RETAINED_FIRST_LOAD));
  }

  const dynamicSegment = programHeaders.find((segment) => segment.type === PT_DYNAMIC);
  if (dynamicSegment !== undefined) {
    const dynamic = await readDynamicInfo(source, info, dynamicSegment, programHeaders, problems);
    info.needed = dynamic.needed;
    info.soname = dynamic.soname;
    info.rpath = dynamic.rpath;
    info.runpath = dynamic.runpath;
    info.flags1 = dynamic.flags1;
    info.versionNeeds = dynamic.versionNeeds;
    info.versionDefinitions = dynamic.versionDefinitions;
    info.dynamicStrings = dynamic.dynamicStrings;
  }

  info.linkage = classifyLinkage(info);
  info.executable =
    info.type === ET_EXEC || (info.type === ET_DYN && (info.interpreter !== null || (info.flags1 & DF_1_PIE) !== 0));

  return info;
}

async function readProgramHeaders(
  source: EntrySource,
  header: { phoff: number; phnum: number; phentsize: number },
  info: ElfInfo,
  problems: string[],
): Promise<ProgramHeader[]> {
  if (header.phnum === 0) {
    return [];
  }

  const minimumEntrySize = info.elfClass === 32 ? 32 : 56;
  if (header.phentsize < minimumEntrySize) {
    problems.push(`e_phentsize ${header.phentsize} is smaller than a program header (${minimumEntrySize} bytes)`);
    return [];
  }

  const tableSize = header.phnum * header.phentsize;
  if (tableSize > MAX_PROGRAM_HEADER_BYTES || header.phoff + tableSize > source.size) {
    problems.push(
      `program header table (e_phoff ${header.phoff}, ${header.phnum} entries) extends past the end of the ${source.size}-byte file`,
    );
    return [];
  }

  const table = await source.read(header.phoff, tableSize);
  if (table.length < tableSize) {
    problems.push('program header table could not be read in full');
    return [];
  }

  const reader = new FieldReader(table, info.byteOrder, info.elfClass);
  const segments: ProgramHeader[] = [];
  for (let index = 0; index < header.phnum; index += 1) {
    const base = index * header.phentsize;
    if (info.elfClass === 64) {
      segments.push({
        type: reader.word(base),
        offset: reader.xword(base + 8),
        vaddr: reader.xword(base + 16),
        filesz: reader.xword(base + 32),
        memsz: reader.xword(base + 40),
      });
    } else {
      segments.push({
        type: reader.word(base),
        offset: reader.word(base + 4),
        vaddr: reader.word(base + 8),
        filesz: reader.word(base + 16),
        memsz: reader.word(base + 20),
      });
    }
  }
  return segments;
}

async function readInterpreter(source: EntrySource, segment: ProgramHeader, problems: string[]): Promise<string> {
  if (segment.offset + segment.filesz > source.size) {
    problems.push('PT_INTERP extends past the end of the file');
  }

  const bytes = await source.read(segment.offset, Math.min(segment.filesz, MAX_INTERPRETER_BYTES));
  const terminator = bytes.indexOf(0);
  return bytes.toString('latin1', 0, terminator === -1 ? bytes.length : terminator);
}

function classifyLinkage(info: ElfInfo): ElfLinkage {
  if (info.interpreter !== null) {
    return 'dynamic';
  }
  if (info.type === ET_DYN) {
    return (info.flags1 & DF_1_PIE) !== 0 ? 'static-pie' : 'shared-library';
  }
  return 'static';
}
