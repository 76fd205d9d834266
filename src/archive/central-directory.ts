import type yauzl from 'yauzl';

import type { FdRandomAccessReader } from './fd-reader.js';

/** Fixed part of a central directory file header (APPNOTE 4.3.12). */
const CENTRAL_HEADER_BYTES = 46;

/** Fixed part of the end of central directory record (APPNOTE 4.3.16). */
const END_RECORD_BYTES = 22;

/** Size of the zip64 end of central directory locator, which directly precedes the end record (APPNOTE 4.3.15). */
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

/** The end record's entry count has 16 bits. */
const ENTRY_COUNT_WRAP = 0x10000;

/**
 * Reads every central directory record of `zipfile`, passing each to `onEntry` as it arrives, so the
 * caller can keep what it needs and let yauzl's record go.
 *
 * Some writers store the entry count of a zip with more than 65,535 entries modulo 65,536 in the end
 * record and write no zip64 record. Info-ZIP unzip and Python's zipfile follow the central directory
 * size instead, and Go's archive/zip reads records until they end. yauzl 3.4 stops after the count.
 * When the records read fall short of the end record's central directory size by at least 65,536
 * minimal records, the count must have wrapped. It is then raised by 65,536, and reading goes on from
 * yauzl's cursor. This uses only yauzl's public `entryCount` and `readEntry()`, checked against
 * yauzl 3.4.0, whose `readEntry` emits 'end' once `entriesRead` equals `entryCount`.
 */
export async function readAllEntries(
  zipfile: yauzl.ZipFile,
  reader: FdRandomAccessReader,
  onEntry: (entry: yauzl.Entry) => void,
): Promise<void> {
  const centralDirectorySize = await readCentralDirectorySize(zipfile, reader);

  await new Promise<void>((resolve, reject) => {
    let recordBytes = 0;

    zipfile.on('entry', (entry: yauzl.Entry) => {
      onEntry(entry);
      recordBytes += CENTRAL_HEADER_BYTES + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
      zipfile.readEntry();
    });

    zipfile.on('end', () => {
      const unread = centralDirectorySize === null ? 0 : centralDirectorySize - recordBytes;
      if (unread >= ENTRY_COUNT_WRAP * CENTRAL_HEADER_BYTES) {
        zipfile.entryCount += ENTRY_COUNT_WRAP;
        zipfile.readEntry();
        return;
      }
      resolve();
    });

    zipfile.once('error', (error: Error) => reject(error));
    zipfile.readEntry();
  });
}

/**
 * Reads the central directory size from the end record. Returns null for a zip64 archive, whose entry
 * count is 64 bits wide and cannot have wrapped.
 */
async function readCentralDirectorySize(zipfile: yauzl.ZipFile, reader: FdRandomAccessReader): Promise<number | null> {
  // With decodeStrings false, yauzl keeps the archive comment as raw bytes. yauzl accepted the end
  // record only where a comment of exactly that length ends the file.
  const commentLength = (zipfile.comment as unknown as Buffer).length;
  const endOffset = zipfile.fileSize - END_RECORD_BYTES - commentLength;
  const start = Math.max(0, endOffset - ZIP64_LOCATOR_BYTES);
  const bytes = await reader.readCached(start, endOffset + END_RECORD_BYTES - start);
  if (bytes.length < endOffset + END_RECORD_BYTES - start) {
    return null;
  }

  const hasZip64Locator = endOffset >= ZIP64_LOCATOR_BYTES && bytes.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE;
  if (hasZip64Locator) {
    return null;
  }
  return bytes.readUInt32LE(endOffset - start + 12);
}
