import yauzl from 'yauzl';

import type { EntrySource } from '../archive/entry.js';
import { decodeEntryName } from '../archive/names.js';
import { readJavaClassVersion } from '../content/classify.js';
import type { AnalyzedEntry } from './model.js';

/** Zip and jar entries up to this size are opened in memory to list their members. */
const MAX_NESTED_ARCHIVE_BYTES = 64 * 1024 * 1024;

/** Most members listed from one nested archive. */
const MAX_NESTED_MEMBERS = 100_000;

/** Metadata files up to this size are read as text (package.json, WHEEL). */
const MAX_METADATA_BYTES = 256 * 1024;

/** .dynstr tables up to this size are scanned for addon registration symbols. */
const MAX_SCANNED_STRINGS_BYTES = 32 * 1024 * 1024;

const NESTED_ARCHIVE_NAME = /\.(zip|jar)$/i;
const METADATA_NAME = /(^|\/)(package\.json|WHEEL)$/;
const NODE_ADDON_NAME = /\.node$/;

/** True when `readEntryDetails` has something to read for this entry. */
export function needsEntryDetails(analyzed: AnalyzedEntry): boolean {
  const name = analyzed.entry.path;
  return NESTED_ARCHIVE_NAME.test(name) || METADATA_NAME.test(name) || (NODE_ADDON_NAME.test(name) && analyzed.elf !== undefined);
}

/**
 * Reads the extra facts some rules need from an entry whose first bytes were already classified:
 * the member names of a nested zip or jar, the text of package.json and WHEEL files, and the
 * registration symbols of a Node.js addon. Reads are bounded; failures leave the fields unset.
 */
export async function readEntryDetails(
  analyzed: AnalyzedEntry,
  openSource: () => EntrySource,
  readHead: (length: number) => Promise<Buffer>,
  handlerClass: string | null,
): Promise<void> {
  const name = analyzed.entry.path;

  if (NESTED_ARCHIVE_NAME.test(name) && analyzed.entry.size <= MAX_NESTED_ARCHIVE_BYTES) {
    const listing = await listNestedArchive(openSource(), handlerClass);
    analyzed.archiveMembers = listing?.names;
    if (listing?.classVersion !== undefined && handlerClass !== null) {
      analyzed.nestedClassVersions = { [handlerClass]: listing.classVersion };
    }
  }

  // Metadata files are small; the head read gets them without a stream.
  if (METADATA_NAME.test(name) && analyzed.entry.size <= MAX_METADATA_BYTES && analyzed.content?.format !== 'elf') {
    analyzed.text = (await readHead(analyzed.entry.size)).toString('utf8');
  }

  const strings = analyzed.elf?.dynamicStrings;
  if (NODE_ADDON_NAME.test(name) && strings !== null && strings !== undefined && strings.size <= MAX_SCANNED_STRINGS_BYTES) {
    const table = (await openSource().read(strings.offset, strings.size)).toString('latin1');
    analyzed.nodeRegistration = {
      napi: table.includes('napi_register_module_v1'),
      moduleVersions: [...table.matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])),
      // NODE_MODULE() and nan register through node_module_register() and call V8's C++ API (_ZN2v8...).
      nodeApi: table.includes('node_module_register') || table.includes('_ZN2v8'),
    };
  }
}

interface NestedListing {
  names: string[];
  /** Class file major version of `handlerClassFile`, when the archive has it. */
  classVersion?: number;
}

/** Lists a nested zip or jar held in memory, and reads the version of one class file in it. */
async function listNestedArchive(source: EntrySource, handlerClassFile: string | null): Promise<NestedListing | undefined> {
  const bytes = await source.read(0, source.size);
  if (bytes.length !== source.size) {
    return undefined;
  }

  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (error, zipfile) => {
      if (error !== null || zipfile === undefined) {
        resolve(undefined);
        return;
      }

      const listing: NestedListing = { names: [] };
      const finish = (): void => resolve(listing);
      zipfile.on('entry', (entry: yauzl.Entry) => {
        const name = decodeEntryName(entry.fileName as unknown as Buffer, entry.generalPurposeBitFlag);
        listing.names.push(name);
        if (listing.names.length >= MAX_NESTED_MEMBERS) {
          zipfile.close();
          finish();
          return;
        }
        if (name !== handlerClassFile || (entry.generalPurposeBitFlag & 0x1) !== 0) {
          zipfile.readEntry();
          return;
        }
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null || stream === undefined) {
            zipfile.readEntry();
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.once('error', () => zipfile.readEntry());
          stream.once('end', () => {
            listing.classVersion = readJavaClassVersion(Buffer.concat(chunks)) ?? undefined;
            zipfile.readEntry();
          });
        });
      });
      zipfile.once('end', finish);
      zipfile.once('error', () => resolve(listing.names.length > 0 ? listing : undefined));
      zipfile.readEntry();
    });
  });
}
