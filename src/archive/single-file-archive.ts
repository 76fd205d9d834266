import { open as openFile, stat } from 'node:fs/promises';

import { FileSource } from './directory-archive.js';
import type { PackageArchive, PackageEntry } from './entry.js';

/** ELF identification bytes `\x7fELF` (gABI e_ident[EI_MAG0..EI_MAG3]). */
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** Host system recorded for the entry: a file on disk carries a real Unix mode. */
const HOST_UNIX = 3;

/** Name the file gets inside the package: the custom runtime's entrypoint. */
export const SINGLE_FILE_ENTRY_NAME = 'bootstrap';

/**
 * A package made of one file on disk, for example `target/lambda/my-fn/bootstrap` before it is
 * zipped. Its kind is `file`, which the zip and directory readers never return.
 */
export interface SingleFileArchive extends Omit<PackageArchive, 'kind'> {
  readonly kind: 'file';
}

/** `#!` of a script, and the UTF-8 byte order mark some editors put before it. */
const SHEBANG = Buffer.from('#!', 'latin1');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Magic numbers of thin Mach-O files (either byte order) and of PE files (`MZ`). */
const FOREIGN_EXECUTABLE_MAGICS = [
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]),
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
  Buffer.from('MZ', 'latin1'),
];

/**
 * Returns true when the file starts like an executable a build could produce as the bootstrap. That
 * is the ELF magic bytes, or `#!`, also after a byte order mark, which script-bom then reports. It is
 * also a Mach-O or PE header, from a build for the developer's own OS, which the rules then report.
 */
export async function startsLikeExecutable(location: string): Promise<boolean> {
  const handle = await openFile(location, 'r');
  try {
    const head = Buffer.alloc(ELF_MAGIC.length + UTF8_BOM.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    if (start.subarray(0, ELF_MAGIC.length).equals(ELF_MAGIC)) {
      return true;
    }
    if (FOREIGN_EXECUTABLE_MAGICS.some((magic) => start.subarray(0, magic.length).equals(magic))) {
      return true;
    }
    const afterBom = start.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? start.subarray(UTF8_BOM.length) : start;
    return afterBom.subarray(0, SHEBANG.length).equals(SHEBANG);
  } finally {
    await handle.close();
  }
}

/**
 * Opens one file as a package whose only entry is `bootstrap`, with the file's own mode, so a built
 * executable is checked as the zip made from it would be. The file is read, never executed.
 */
export async function openSingleFileArchive(location: string): Promise<SingleFileArchive> {
  const stats = await stat(location);

  const entry: PackageEntry = {
    index: 0,
    name: SINGLE_FILE_ENTRY_NAME,
    path: SINGLE_FILE_ENTRY_NAME,
    type: 'file',
    permissions: stats.mode & 0o7777,
    hostSystem: HOST_UNIX,
    size: stats.size,
    compressedSize: stats.size,
    compressionMethod: 0,
    encrypted: false,
    // A file on disk has no stored checksum to compare with.
    crc32: null,
  };

  const sourceFor = (requested: PackageEntry): FileSource => {
    if (requested !== entry) {
      throw new Error(`entry ${requested.name} does not belong to ${location}`);
    }
    return new FileSource(location, entry.size);
  };

  return {
    location,
    kind: 'file',
    // The file is not zipped yet, so there is no zip whose size a rule could check.
    archiveSize: null,
    entries: [entry],
    problems: [],
    open: (requested) => sourceFor(requested),
    readHead: (requested, length) => sourceFor(requested).read(0, length),
    close(): void {},
  };
}
