import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A byte-level zip writer for tests that need archives no zip tool would write: headers that
 * disagree, sizes that lie, offsets that point elsewhere, zip64 records. Field names follow
 * PKWARE's APPNOTE.TXT.
 */

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EXTRA_ID = 0x0001;

/** "version made by" with host 3 (Unix) and APPNOTE version 3.0, as Info-ZIP on Linux writes it. */
const MADE_BY_UNIX = (3 << 8) | 30;

/** The header fields a test may set apart in the local and the central header of one entry. */
export interface HeaderFields {
  name: string | Buffer;
  versionNeeded: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  extra: Buffer;
}

/** One entry to write. Fields left out are derived from `data` and `method`. */
export interface ZipEntrySpec {
  name: string | Buffer;
  /** Uncompressed content; deflated when `method` is 8, stored as is for any other method. */
  data?: Buffer;
  /** APPNOTE compression method: 0 stored (the default), 8 deflated, or any number as raw data. */
  method?: number;
  /** Bytes written as the entry's data instead of those derived from `data`. */
  rawData?: Buffer;
  /** Unix `st_mode` stored in the upper 16 bits of the external attributes; default 0o100644. */
  mode?: number;
  /** Overrides applied to both headers. */
  fields?: Partial<HeaderFields>;
  /** Overrides applied to the local header only. */
  local?: Partial<HeaderFields>;
  /** Overrides applied to the central directory header only, plus its local header offset. */
  central?: Partial<HeaderFields> & { localHeaderOffset?: number };
  /** When true, no local header or data is written, so the central record must point at another entry's. */
  centralOnly?: boolean;
}

/** Where the parts of a written zip lie, so a test can patch one field afterwards. */
export interface ZipLayout {
  bytes: Buffer;
  localHeaderOffsets: number[];
  centralHeaderOffsets: number[];
  centralDirectoryOffset: number;
  centralDirectorySize: number;
  /** Offset of the end of central directory record (the 32-bit one, which comes last). */
  endOffset: number;
}

export interface ZipOptions {
  /** When true, a zip64 end of central directory record and locator precede the usual end record. */
  zip64End?: boolean;
  /** Entry count written to the 16-bit fields of the end record. The default is the real count, wrapped. */
  endEntryCount?: number;
}

/** Builds a zip from `entries` in order, with a fixed date, and returns it with its layout. */
export function buildZip(entries: ZipEntrySpec[], options: ZipOptions = {}): ZipLayout {
  const parts: Buffer[] = [];
  let position = 0;
  const localHeaderOffsets: number[] = [];
  const resolved: Array<{ central: HeaderFields; localHeaderOffset: number; mode: number }> = [];

  for (const spec of entries) {
    const data = spec.rawData ?? encodeData(spec);
    const base = baseFields(spec, data);
    const local: HeaderFields = { ...base, ...spec.fields, ...spec.local };
    const central: HeaderFields = { ...base, ...spec.fields, ...spec.central };

    localHeaderOffsets.push(position);
    resolved.push({ central, localHeaderOffset: spec.central?.localHeaderOffset ?? position, mode: spec.mode ?? 0o100644 });
    if (spec.centralOnly === true) {
      continue;
    }

    const header = localHeader(local);
    parts.push(header, data);
    position += header.length + data.length;
  }

  const centralDirectoryOffset = position;
  const centralHeaderOffsets: number[] = [];
  for (const entry of resolved) {
    centralHeaderOffsets.push(position);
    const header = centralHeader(entry.central, entry.localHeaderOffset, entry.mode);
    parts.push(header);
    position += header.length;
  }
  const centralDirectorySize = position - centralDirectoryOffset;

  if (options.zip64End === true) {
    const zip64End = zip64EndRecord(entries.length, centralDirectorySize, centralDirectoryOffset);
    const locator = zip64Locator(position);
    parts.push(zip64End, locator);
    position += zip64End.length + locator.length;
  }

  const endOffset = position;
  const count = options.endEntryCount ?? entries.length;
  parts.push(endRecord(count, centralDirectorySize, centralDirectoryOffset, options.zip64End === true));

  return {
    bytes: Buffer.concat(parts),
    localHeaderOffsets,
    centralHeaderOffsets,
    centralDirectoryOffset,
    centralDirectorySize,
    endOffset,
  };
}

/** Builds a zip64 extended information extra field (header ID 0x0001) with the 64-bit values given, in APPNOTE order. */
export function zip64Extra(values: { uncompressedSize?: bigint; compressedSize?: bigint; localHeaderOffset?: bigint }): Buffer {
  const fields = [values.uncompressedSize, values.compressedSize, values.localHeaderOffset].filter(
    (value): value is bigint => value !== undefined,
  );
  const extra = Buffer.alloc(4 + fields.length * 8);
  extra.writeUInt16LE(ZIP64_EXTRA_ID, 0);
  extra.writeUInt16LE(fields.length * 8, 2);
  fields.forEach((value, index) => extra.writeBigUInt64LE(value, 4 + index * 8));
  return extra;
}

/** Offsets of the fields a test patches, relative to the start of a local or central header. */
export const LOCAL_FIELD = { method: 8, crc32: 14, compressedSize: 18, uncompressedSize: 22, nameLength: 26 } as const;
export const CENTRAL_FIELD = {
  method: 10,
  crc32: 16,
  compressedSize: 20,
  uncompressedSize: 24,
  nameLength: 28,
  extraLength: 30,
  localHeaderOffset: 42,
} as const;
export const END_FIELD = { entriesOnDisk: 8, totalEntries: 10, centralDirectorySize: 12, centralDirectoryOffset: 16 } as const;

function nameBytes(name: string | Buffer): Buffer {
  return typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
}

function baseFields(spec: ZipEntrySpec, written: Buffer): HeaderFields {
  const data = spec.data ?? Buffer.alloc(0);
  const method = spec.method ?? 0;
  const isUtf8 = typeof spec.name === 'string' && /[^\x00-\x7f]/.test(spec.name);
  return {
    name: spec.name,
    versionNeeded: 20,
    flags: isUtf8 ? 0x800 : 0,
    method,
    crc32: crc32(data),
    compressedSize: written.length,
    uncompressedSize: data.length,
    extra: Buffer.alloc(0),
  };
}

function encodeData(spec: ZipEntrySpec): Buffer {
  const data = spec.data ?? Buffer.alloc(0);
  return (spec.method ?? 0) === 8 ? deflateRawSync(data) : data;
}

/** DOS date and time of 2024-01-01 12:00:00, the date the fixture zips carry. */
const DOS_TIME = 12 << 11;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

function localHeader(fields: HeaderFields): Buffer {
  const name = nameBytes(fields.name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(fields.versionNeeded, 4);
  header.writeUInt16LE(fields.flags, 6);
  header.writeUInt16LE(fields.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(fields.crc32 >>> 0, 14);
  header.writeUInt32LE(fields.compressedSize >>> 0, 18);
  header.writeUInt32LE(fields.uncompressedSize >>> 0, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(fields.extra.length, 28);
  return Buffer.concat([header, name, fields.extra]);
}

function centralHeader(fields: HeaderFields, localHeaderOffset: number, mode: number): Buffer {
  const name = nameBytes(fields.name);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  header.writeUInt16LE(fields.versionNeeded, 6);
  header.writeUInt16LE(fields.flags, 8);
  header.writeUInt16LE(fields.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(fields.crc32 >>> 0, 16);
  header.writeUInt32LE(fields.compressedSize >>> 0, 20);
  header.writeUInt32LE(fields.uncompressedSize >>> 0, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(fields.extra.length, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  const msdosDirectory = (mode & 0o170000) === 0o040000 ? 0x10 : 0;
  header.writeUInt32LE((((mode & 0xffff) << 16) | msdosDirectory) >>> 0, 38);
  header.writeUInt32LE(localHeaderOffset >>> 0, 42);
  return Buffer.concat([header, name, fields.extra]);
}

function zip64EndRecord(count: number, centralDirectorySize: number, centralDirectoryOffset: number): Buffer {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(ZIP64_END_SIGNATURE, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(MADE_BY_UNIX, 12);
  record.writeUInt16LE(45, 14);
  record.writeUInt32LE(0, 16);
  record.writeUInt32LE(0, 20);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(centralDirectorySize), 40);
  record.writeBigUInt64LE(BigInt(centralDirectoryOffset), 48);
  return record;
}

function zip64Locator(zip64EndOffset: number): Buffer {
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0);
  locator.writeUInt32LE(0, 4);
  locator.writeBigUInt64LE(BigInt(zip64EndOffset), 8);
  locator.writeUInt32LE(1, 16);
  return locator;
}

function endRecord(count: number, centralDirectorySize: number, centralDirectoryOffset: number, zip64: boolean): Buffer {
  const record = Buffer.alloc(22);
  const shortCount = zip64 ? 0xffff : count & 0xffff;
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  record.writeUInt16LE(0, 4);
  record.writeUInt16LE(0, 6);
  record.writeUInt16LE(shortCount, 8);
  record.writeUInt16LE(shortCount, 10);
  record.writeUInt32LE(zip64 ? 0xffffffff : centralDirectorySize, 12);
  record.writeUInt32LE(zip64 ? 0xffffffff : centralDirectoryOffset, 16);
  record.writeUInt16LE(0, 20);
  return record;
}
