/** Kind of file an entry becomes once extracted; Lambda's extractor creates these three. */
export type EntryType = 'file' | 'directory' | 'symlink';

/** One member of a deployment package, as the zip central directory (or the file system) records it. */
export interface PackageEntry {
  /** Position in the central directory (or in the directory walk), starting at 0. */
  index: number;
  /** The name exactly as stored, decoded as UTF-8 or CP437 per general-purpose bit 11. */
  name: string;
  /** `name` without a trailing `/`; the key used to find the file Lambda would extract. */
  path: string;
  type: EntryType;
  /** Unix permission bits (`st_mode & 0o7777`), or null when the host that wrote the entry records none. */
  permissions: number | null;
  /** Upper byte of "version made by": 3 = Unix, 0 = MS-DOS/FAT, 10 = NTFS, 19 = OS X. */
  hostSystem: number;
  /** Uncompressed size declared by the central directory. */
  size: number;
  compressedSize: number;
  /** APPNOTE compression method: 0 = stored, 8 = deflated. */
  compressionMethod: number;
  /** CRC-32 of the uncompressed data declared by the central directory; null for a file in a directory input. */
  crc32: number | null;
  /** General-purpose bit 0 (traditional PKWARE or strong encryption). */
  encrypted: boolean;
  /** Target of a symlink entry, read from its data. */
  symlinkTarget?: string;
}

/** Random-access view of an entry's uncompressed bytes. */
export interface EntrySource {
  /** Declared uncompressed size. */
  readonly size: number;
  /**
   * Reads up to `length` bytes at `offset`. The result is shorter only at the end of the data.
   * Rejects with an `EntryReadError` when the data cannot be produced.
   */
  read(offset: number, length: number): Promise<Buffer>;
  /** Asks the source to keep [start, end) once it has streamed past it, so a later read need not restart. */
  retain(start: number, end: number): void;
  /**
   * Reads on to the end of the data without keeping it, so that damage anywhere in it, including a
   * CRC-32 mismatch, rejects with an `EntryReadError`. A no-op for sources that hold no checksum.
   */
  drain(): Promise<void>;
  close(): void;
}

/** The bytes of one entry could not be read: corrupt deflate data, sizes that lie, encryption, an unknown method. */
export class EntryReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryReadError';
  }
}

/** The artifact as a whole cannot be read as a package (not a zip, a cut central directory). */
export class ArchiveError extends Error {
  /** True when the file is a zip that is damaged, as opposed to a file that is no zip at all. */
  readonly damagedZip: boolean;

  constructor(message: string, damagedZip: boolean) {
    super(message);
    this.name = 'ArchiveError';
    this.damagedZip = damagedZip;
  }
}

/** An opened package: its entries and a way to read each one. */
export interface PackageArchive {
  /** Path of the artifact as the user named it. */
  readonly location: string;
  readonly kind: 'zip' | 'directory';
  /** Size of the zip file itself; null for a directory. */
  readonly archiveSize: number | null;
  readonly entries: PackageEntry[];
  /**
   * Damage in the archive as a whole that still lets its entries be read, one line each, such as
   * entries whose local headers and data overlap. Empty for a sound zip and for a directory.
   */
  readonly problems: string[];
  open(entry: PackageEntry): EntrySource;
  /**
   * Reads up to `length` bytes from the start of the entry with as few reads as possible and without
   * a stream, to classify every entry of large packages. Rejects with `EntryReadError`.
   */
  readHead(entry: PackageEntry, length: number): Promise<Buffer>;
  /**
   * Reads the heads (up to `length` bytes) of the entries `include` accepts in one pass, so that later
   * `readHead` calls for up to `length` bytes are served from memory, each once. A folder does not
   * implement it.
   */
  prefetchHeads?(length: number, include: (entry: PackageEntry) => boolean): void;
  close(): void;
}
