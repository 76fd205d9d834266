import { fstat, open as openDescriptor } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { promisify } from 'node:util';

import yauzl from 'yauzl';

import {
  ArchiveError,
  type EntrySource,
  type EntryType,
  type PackageArchive,
  type PackageEntry,
} from './entry.js';
import { readAllEntries } from './central-directory.js';
import { FdRandomAccessReader } from './fd-reader.js';
import {
  compressedHeadLength,
  headFromData,
  headSpan,
  localDataStart,
  localNameEnd,
  prefetchHeads,
  verifyLocalHeader,
} from './entry-head.js';
import { decodeEntryName, entryPath } from './names.js';
import { describeOverlappingEntries } from './overlap.js';
import { StreamedEntrySource } from './streamed-source.js';

/** "version made by" hosts whose external attributes carry a Unix `st_mode` in the upper 16 bits. */
const UNIX_MODE_HOSTS = new Set([3, 19]);

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/** MS-DOS attribute bit for a directory, in the low byte of the external attributes. */
const MSDOS_DIRECTORY = 0x10;

/** Local file header signature `PK\x03\x04`; an empty archive starts with the end record `PK\x05\x06`. */
const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];

/** Opens a zip deployment package and reads its central directory. Never extracts anything. */
export async function openZipArchive(location: string): Promise<PackageArchive> {
  const looksLikeZip = await startsWithZipSignature(location);

  const fd = await promisify(openDescriptor)(location, 'r');
  const reader = new FdRandomAccessReader(fd);
  let fileSize: number;
  try {
    fileSize = (await promisify(fstat)(fd)).size;
  } catch (error) {
    reader.shutdown();
    throw error;
  }

  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await openYauzl(reader, fileSize);
  } catch (error) {
    reader.shutdown();
    const reason = error instanceof Error ? error.message : String(error);
    if (looksLikeZip) {
      throw new ArchiveError(reason, true);
    }
    throw new ArchiveError('not a zip file (no zip signature and no end of central directory record)', false);
  }

  const entries: PackageEntry[] = [];
  const records = new Map<PackageEntry, CentralRecord>();
  try {
    await readAllEntries(zipfile, reader, (raw) => {
      const entry = toPackageEntry(raw, entries.length);
      entries.push(entry);
      records.set(entry, centralRecordOf(raw));
    });
  } catch (error) {
    zipfile.close();
    reader.shutdown();
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArchiveError(`damaged central directory: ${reason}`, true);
  }

  const overlap = describeOverlappingEntries(
    entries.map((entry) => {
      const record = records.get(entry) as CentralRecord;
      return {
        name: entry.name,
        localHeaderOffset: record.localHeaderOffset,
        nameLength: record.centralName.length,
        compressedSize: entry.compressedSize,
      };
    }),
  );
  let prefetched = new Map<PackageEntry, Buffer>();
  let prefetchedLength = 0;

  return {
    location,
    kind: 'zip',
    archiveSize: zipfile.fileSize,
    entries,
    problems: overlap === null ? [] : [overlap],
    open(entry: PackageEntry): EntrySource {
      const record = records.get(entry);
      if (record === undefined) {
        throw new Error(`entry ${entry.name} does not belong to ${location}`);
      }
      return new StreamedEntrySource(
        () => zipfile.openReadStreamPromise(yauzlEntryFor(entry, record), { decodeFileData: false }),
        entry.compressionMethod,
        entry.size,
        { expectedCrc32: entry.crc32 },
      );
    },
    readHead(entry: PackageEntry, length: number): Promise<Buffer> {
      const record = records.get(entry);
      if (record === undefined) {
        throw new Error(`entry ${entry.name} does not belong to ${location}`);
      }

      const head = prefetched.get(entry);
      if (head !== undefined && length <= prefetchedLength) {
        prefetched.delete(entry);
        return Promise.resolve(head.subarray(0, Math.min(length, entry.size)));
      }
      return readEntryHead(reader, record, entry, length);
    },
    prefetchHeads(length: number, include: (entry: PackageEntry) => boolean): void {
      const targets = entries
        .filter((entry) => entry.type === 'file' && entry.size > 0 && !entry.encrypted && (entry.compressionMethod === 0 || entry.compressionMethod === 8))
        .filter(include)
        .map((entry) => {
          const record = records.get(entry) as CentralRecord;
          return { entry, localHeader: record.localHeaderOffset, centralName: record.centralName };
        });
      prefetched = prefetchHeads(targets, length, (buffer, position) => reader.readUpToSync(buffer, position));
      prefetchedLength = length;
    },
    close(): void {
      zipfile.close();
      reader.shutdown();
    },
  };
}

/**
 * Reads the first bytes of an entry directly: the local header and the start of its data in one read,
 * inflated in memory. This is several times faster than a read stream per entry in packages with tens
 * of thousands of entries. Rejects with `EntryReadError` when the local header disagrees with the
 * central directory or, for a head that is the whole entry, when the CRC-32 does not match.
 */
async function readEntryHead(
  reader: FdRandomAccessReader,
  record: CentralRecord,
  entry: PackageEntry,
  length: number,
): Promise<Buffer> {
  const localHeader = record.localHeaderOffset;
  let block = await reader.readCached(localHeader, headSpan(entry, length));
  const dataStart = localDataStart(block);
  if (block.length < localNameEnd(block)) {
    // A name longer than the room headSpan allows for: read the header again up to the name's end.
    block = await reader.readCached(localHeader, localNameEnd(block));
  }
  verifyLocalHeader(block, entry, record.centralName);
  const compressedLength = compressedHeadLength(entry, length);

  let compressed: Buffer;
  if (dataStart + compressedLength <= block.length) {
    compressed = block.subarray(dataStart, dataStart + compressedLength);
  } else {
    compressed = await reader.readCached(localHeader + dataStart, compressedLength);
  }

  const head = headFromData(compressed, entry, length);
  if (head !== null) {
    return head;
  }

  // The head did not inflate far enough (a large stored header, a crafted stream): read it the slow way.
  const start = localHeader + dataStart;
  const source = new StreamedEntrySource(
    async () => reader._readStreamForRange(start, start + entry.compressedSize),
    entry.compressionMethod,
    entry.size,
    { expectedCrc32: entry.crc32 },
  );
  try {
    return await source.read(0, length);
  } finally {
    source.close();
  }
}

function openYauzl(reader: FdRandomAccessReader, fileSize: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(
      reader,
      fileSize,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false },
      (error, zipfile) => {
        if (error !== null || zipfile === undefined) {
          reject(error ?? new Error('yauzl returned no zip file'));
          return;
        }
        resolve(zipfile);
      },
    );
  });
}

async function startsWithZipSignature(location: string): Promise<boolean> {
  const handle = await openFile(location, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4) {
      return false;
    }
    return ZIP_SIGNATURES.some((signature) => signature.equals(head));
  } finally {
    await handle.close();
  }
}

/** Returns the entry's name as the central directory stores it. With decodeStrings false, yauzl keeps the raw bytes. */
function centralNameOf(raw: yauzl.Entry): Buffer {
  return raw.fileName as unknown as Buffer;
}

/**
 * The parts of a central directory record needed after the entry list is built. yauzl's own record
 * carries parsed extra fields and more, and 30,000 of them cost memory for the whole run.
 */
interface CentralRecord {
  localHeaderOffset: number;
  centralName: Buffer;
  generalPurposeBitFlag: number;
}

function centralRecordOf(raw: yauzl.Entry): CentralRecord {
  return {
    localHeaderOffset: raw.relativeOffsetOfLocalHeader,
    // A copy, so the record does not keep yauzl's buffer of name, extra field and comment alive.
    centralName: Buffer.from(centralNameOf(raw)),
    generalPurposeBitFlag: raw.generalPurposeBitFlag,
  };
}

/** Builds the yauzl record that openReadStream reads, with decodeFileData false, from what was kept. */
function yauzlEntryFor(entry: PackageEntry, record: CentralRecord): yauzl.Entry {
  const raw = new yauzl.Entry();
  raw.relativeOffsetOfLocalHeader = record.localHeaderOffset;
  raw.generalPurposeBitFlag = record.generalPurposeBitFlag;
  raw.compressionMethod = entry.compressionMethod;
  raw.compressedSize = entry.compressedSize;
  raw.uncompressedSize = entry.size;
  return raw;
}

function toPackageEntry(raw: yauzl.Entry, index: number): PackageEntry {
  const name = decodeEntryName(centralNameOf(raw), raw.generalPurposeBitFlag);
  const hostSystem = raw.versionMadeBy >>> 8;
  const unixMode = UNIX_MODE_HOSTS.has(hostSystem) ? raw.externalFileAttributes >>> 16 : 0;

  let type: EntryType = 'file';
  if ((unixMode & S_IFMT) === S_IFLNK) {
    type = 'symlink';
  } else if (name.endsWith('/') || (unixMode & S_IFMT) === S_IFDIR) {
    type = 'directory';
  } else if (!UNIX_MODE_HOSTS.has(hostSystem) && (raw.externalFileAttributes & MSDOS_DIRECTORY) !== 0) {
    type = 'directory';
  }

  return {
    index,
    name,
    path: entryPath(name),
    type,
    permissions: unixMode === 0 ? null : unixMode & 0o7777,
    hostSystem,
    size: raw.uncompressedSize,
    compressedSize: raw.compressedSize,
    compressionMethod: raw.compressionMethod,
    crc32: raw.crc32,
    encrypted: (raw.generalPurposeBitFlag & 0x1) !== 0,
  };
}
