/** Kinds of file lambda-lint recognises from an entry's first bytes. */
export type ContentFormat = 'elf' | 'macho' | 'pe' | 'script' | 'java-class' | 'empty' | 'other';

export interface MachOInfo {
  /** True for a universal ("fat") file holding several architectures. */
  universal: boolean;
  /** Architecture names from the CPU types, e.g. `x86_64`, `arm64`. */
  architectures: string[];
}

export interface PeInfo {
  /** COFF `Machine` field, e.g. 0x8664 for AMD64; null for a DOS executable without a PE header. */
  machine: number | null;
  machineName: string;
  /**
   * True for a .NET assembly: the optional header's CLR runtime header directory (entry 14) is set.
   * Its IL runs on the .NET runtime of any OS, so on Lambda it is no foreign binary.
   */
  managed: boolean;
}

export interface ScriptInfo {
  /** The first line after `#!`, without the line ending. */
  shebang: string;
  /** The interpreter path as the kernel reads it: up to the first space or tab, `\r` included. */
  interpreter: string;
  /** First argument after the interpreter, if any (for `/usr/bin/env NAME`). */
  argument: string | null;
  /** The `#!` line ends with CR LF, so the kernel looks for an interpreter whose name ends in `\r`. */
  crlf: boolean;
  /** A UTF-8 byte order mark precedes `#!`, so the kernel does not see a `#!` line at all. */
  bom: boolean;
}

export interface ContentInfo {
  format: ContentFormat;
  macho?: MachOInfo;
  pe?: PeInfo;
  script?: ScriptInfo;
  /** Class file major version (52 = Java 8, 55 = 11, 61 = 17, 65 = 21, 69 = 25). */
  javaClassVersion?: number;
  /** True when a non-script file looks like text (no NUL and few control bytes in the sample). */
  text?: boolean;
}

/** Bytes to read from the start of an entry to classify it. The kernel reads at most 256 bytes of a `#!` line. */
export const CLASSIFY_BYTES = 512;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const MACHO_CPU_NAMES = new Map<number, string>([
  [7, 'i386'],
  [0x01000007, 'x86_64'],
  [12, 'arm'],
  [0x0100000c, 'arm64'],
  [0x0200000c, 'arm64_32'],
  [18, 'ppc'],
  [0x01000012, 'ppc64'],
]);

const PE_MACHINE_NAMES = new Map<number, string>([
  [0x014c, 'i386'],
  [0x8664, 'x86-64'],
  [0xaa64, 'ARM64'],
  [0x01c4, 'ARMv7'],
]);

/**
 * Classifies an entry from its first bytes. `head` is the first `CLASSIFY_BYTES` bytes (fewer for a
 * short file); `readAt` fetches more when a PE header lies beyond them.
 */
export async function classifyContent(
  head: Buffer,
  readAt: (offset: number, length: number) => Promise<Buffer>,
): Promise<ContentInfo> {
  if (head.length === 0) {
    return { format: 'empty' };
  }

  if (head.length >= 4 && head[0] === 0x7f && head.toString('latin1', 1, 4) === 'ELF') {
    return { format: 'elf' };
  }

  const macho = readMachO(head);
  if (macho !== null) {
    return { format: 'macho', macho };
  }

  const javaClassVersion = readJavaClassVersion(head);
  if (javaClassVersion !== null) {
    return { format: 'java-class', javaClassVersion };
  }

  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) {
    return { format: 'pe', pe: await readPe(head, readAt) };
  }

  const script = readShebang(head);
  if (script !== null) {
    return { format: 'script', script };
  }

  return { format: 'other', text: looksLikeText(head) };
}

function readMachO(head: Buffer): MachOInfo | null {
  if (head.length < 8) {
    return null;
  }

  const magicBig = head.readUInt32BE(0);

  // Thin Mach-O: 0xfeedface (32-bit) or 0xfeedfacf (64-bit), stored in either byte order.
  if (magicBig === 0xfeedface || magicBig === 0xfeedfacf) {
    return { universal: false, architectures: [cpuName(head.readUInt32BE(4))] };
  }
  if (magicBig === 0xcefaedfe || magicBig === 0xcffaedfe) {
    return { universal: false, architectures: [cpuName(head.readUInt32LE(4))] };
  }

  // Universal: 0xcafebabe (32-bit offsets) or 0xcafebabf (64-bit offsets), normally big-endian.
  // Java class files share 0xcafebabe, but their next word is a class-file version of 45 or more,
  // while a universal file lists only a handful of architectures.
  const universalBig = magicBig === 0xcafebabe || magicBig === 0xcafebabf;
  const universalLittle = magicBig === 0xbebafeca || magicBig === 0xbfbafeca;
  if (!universalBig && !universalLittle) {
    return null;
  }

  const count = universalBig ? head.readUInt32BE(4) : head.readUInt32LE(4);
  if (count === 0 || count > 20) {
    return null;
  }

  const entrySize = magicBig === 0xcafebabf || magicBig === 0xbfbafeca ? 32 : 20;
  const architectures: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const offset = 8 + index * entrySize;
    if (offset + 4 > head.length) {
      break;
    }
    const cpu = universalBig ? head.readUInt32BE(offset) : head.readUInt32LE(offset);
    architectures.push(cpuName(cpu));
  }
  return { universal: true, architectures };
}

function cpuName(cpuType: number): string {
  return MACHO_CPU_NAMES.get(cpuType) ?? `cpu type 0x${cpuType.toString(16)}`;
}

async function readPe(
  head: Buffer,
  readAt: (offset: number, length: number) => Promise<Buffer>,
): Promise<PeInfo> {
  const dosOnly: PeInfo = { machine: null, machineName: 'MS-DOS', managed: false };
  if (head.length < 0x40) {
    return dosOnly;
  }

  const peOffset = head.readUInt32LE(0x3c);
  let header: Buffer;
  if (peOffset + PE_HEADERS_BYTES <= head.length) {
    header = head.subarray(peOffset, peOffset + PE_HEADERS_BYTES);
  } else if (peOffset < 1 << 20) {
    header = await readAt(peOffset, PE_HEADERS_BYTES);
  } else {
    return dosOnly;
  }

  if (header.length < 6 || header.toString('latin1', 0, 4) !== 'PE\0\0') {
    return dosOnly;
  }

  const machine = header.readUInt16LE(4);
  return { machine, machineName: PE_MACHINE_NAMES.get(machine) ?? `machine 0x${machine.toString(16)}`, managed: hasClrHeader(header) };
}

/** The PE signature, COFF header and optional header up to the end of its 16 data directories (PE32+). */
const PE_HEADERS_BYTES = 4 + 20 + 112 + 16 * 8;

/** Index of the CLR runtime header in the optional header's data directories (PE/COFF spec). */
const CLR_RUNTIME_HEADER = 14;

/** True when the optional header's CLR runtime header directory has an address and a size. */
function hasClrHeader(header: Buffer): boolean {
  const optionalStart = 4 + 20;
  if (header.length < optionalStart + 2) {
    return false;
  }

  // PE32 (0x10b) and PE32+ (0x20b) differ in where NumberOfRvaAndSizes and the directories sit.
  const magic = header.readUInt16LE(optionalStart);
  let countOffset: number;
  if (magic === 0x10b) {
    countOffset = optionalStart + 92;
  } else if (magic === 0x20b) {
    countOffset = optionalStart + 108;
  } else {
    return false;
  }

  const directory = countOffset + 4 + CLR_RUNTIME_HEADER * 8;
  if (header.length < directory + 8 || header.readUInt32LE(countOffset) <= CLR_RUNTIME_HEADER) {
    return false;
  }
  return header.readUInt32LE(directory) !== 0 && header.readUInt32LE(directory + 4) !== 0;
}

function readShebang(head: Buffer): ScriptInfo | null {
  const bom = head.subarray(0, 3).equals(UTF8_BOM);
  const start = bom ? 3 : 0;
  if (head[start] !== 0x23 || head[start + 1] !== 0x21) {
    return null;
  }

  // The kernel reads the interpreter line from the first 256 bytes (BINPRM_BUF_SIZE since Linux 5.1).
  const window = head.subarray(start + 2, Math.min(head.length, start + 256));
  const newline = window.indexOf(0x0a);
  let line = window.toString('latin1', 0, newline === -1 ? window.length : newline);

  const crlf = line.endsWith('\r');
  const trimmedLeft = line.replace(/^[ \t]+/, '');
  const parts = trimmedLeft.split(/[ \t]+/);
  const interpreter = parts[0] ?? '';
  let argument: string | null = parts.length > 1 ? parts.slice(1).join(' ') : null;
  if (argument !== null && argument.trim() === '') {
    argument = null;
  }

  if (crlf) {
    line = line.slice(0, -1);
  }

  return { shebang: line, interpreter, argument, crlf, bom };
}

function looksLikeText(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) {
      return false;
    }
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) {
      control += 1;
    }
  }
  return control * 20 < head.length;
}

/** The major version of a Java class file (magic 0xCAFEBABE, minor, major), or null for other data. */
export function readJavaClassVersion(head: Buffer): number | null {
  if (head.length < 8 || head.readUInt32BE(0) !== 0xcafebabe) {
    return null;
  }
  const major = head.readUInt16BE(6);
  return major >= 45 ? major : null;
}
