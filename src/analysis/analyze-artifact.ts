import { stat } from 'node:fs/promises';

import { openDirectoryArchive } from '../archive/directory-archive.js';
import { ArchiveError, EntryReadError, type EntrySource, type PackageArchive, type PackageEntry } from '../archive/entry.js';
import { openSingleFileArchive, startsLikeExecutable, type SingleFileArchive } from '../archive/single-file-archive.js';
import { openZipArchive } from '../archive/zip-archive.js';
import { CLASSIFY_BYTES, classifyContent } from '../content/classify.js';
import { readElf } from '../elf/read-elf.js';
import { collectLoadedFiles, findEntrypoint } from './entrypoint.js';
import { needsEntryDetails, readEntryDetails } from './entry-details.js';
import { handlerTarget } from './handler.js';
import { resolveLibraries, type LibraryResolution } from './library-search.js';
import type { AnalyzedEntry, ArtifactModel, EntrypointInfo, LintSettings, PackagePart, ReadProgressListener } from './model.js';
import { PackageFileSystem, extractedPath } from './package-fs.js';

/** Entries read at the same time; reads overlap I/O and inflation without holding many buffers. */
const READ_CONCURRENCY = 8;

/**
 * Entries up to this size that were opened as a stream (ELF files, mostly) are inflated to their end,
 * so that their CRC-32 is checked. Larger ones are read only as far as their headers reach.
 */
const MAX_DRAINED_BYTES = 16 * 1024 * 1024;

/** Maximum symlink target length read from a zip entry (PATH_MAX on Linux). */
const MAX_SYMLINK_TARGET_BYTES = 4096;

/** APPNOTE methods lambda-lint can read: 0 = stored, 8 = deflated. Lambda's extractor needs the same. */
const READABLE_METHODS = new Set([0, 8]);

/** The named input does not exist or is not a package lambda-lint can open (exit code 2). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Opens the function package and its layers, reads what each entry is, and builds the model the rules
 * check. A zip that is damaged yields a model with `archiveError` set; an input that is no package at
 * all raises `InputError`.
 */
export async function analyzeArtifact(
  location: string,
  layerLocations: string[],
  settings: LintSettings,
  onProgress?: ReadProgressListener,
): Promise<ArtifactModel> {
  const parts: PackagePart[] = [];
  let archiveError: string | null = null;
  const archiveProblems: string[] = [];
  let kind: ArtifactModel['kind'] = 'zip';

  const role: PackagePart['role'] = settings.kind === 'layer' ? 'layer' : 'function';
  const handlerClass = handlerTarget(settings.runtime, settings.handler)?.classFile ?? null;
  const root: PackagePart['root'] = settings.kind === 'layer' ? '/opt' : '/var/task';

  try {
    const archive = await openPackage(location, true);
    kind = archive.kind;
    parts.push(await readPart(archive, role, root, true, handlerClass, onProgress));
    archiveProblems.push(...archive.problems);
  } catch (error) {
    if (error instanceof ArchiveError && error.damagedZip) {
      archiveError = error.message;
      parts.push({ role, primary: true, location, root, archiveSize: await fileSize(location), entries: [] });
    } else {
      throw error;
    }
  }

  for (const layerLocation of layerLocations) {
    let layer: PackageArchive | SingleFileArchive;
    try {
      // A layer is a zip or a folder: a single executable is no layer, and taking it as /opt/bootstrap would hide that.
      layer = await openPackage(layerLocation, false);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(`layer ${reason}`);
    }
    parts.push(await readPart(layer, 'layer', '/opt', false, handlerClass, onProgress));
    archiveProblems.push(...layer.problems.map((problem) => `layer ${layerLocation}: ${problem}`));
  }

  const fileSystem = new PackageFileSystem(parts);
  const libraries = new Map<AnalyzedEntry, LibraryResolution[]>();
  for (const part of parts) {
    for (const analyzed of part.entries) {
      if (analyzed.elf !== undefined && analyzed.elf.needed.length > 0) {
        libraries.set(
          analyzed,
          resolveLibraries(analyzed, analyzed.elf, fileSystem, settings.runtime, settings.architecture),
        );
      }
    }
  }

  const entrypoint: EntrypointInfo =
    archiveError === null
      ? findEntrypoint(fileSystem, settings.runtime, settings.handler, settings.kind)
      : { kind: settings.runtime.handler === 'module' ? 'module' : 'executable', path: null, entry: null };

  return {
    location,
    kind,
    settings,
    parts,
    archiveError,
    archiveProblems,
    fileSystem,
    entrypoint,
    libraries,
    loadedByEntrypoint: collectLoadedFiles(entrypoint, libraries, fileSystem),
  };
}

/** Opens a folder, a zip, or a single ELF file or script (checked as the package's `bootstrap`). */
async function openPackage(location: string, allowSingleFile: boolean): Promise<PackageArchive | SingleFileArchive> {
  let stats;
  try {
    stats = await stat(location);
  } catch {
    throw new InputError(`${location}: no such file or directory${/[*?[\]{}]/.test(location) ? ', and no match as a glob pattern' : ''}`);
  }

  if (stats.isDirectory()) {
    return openDirectoryArchive(location);
  }
  if (!stats.isFile()) {
    throw new InputError(`${location}: not a regular file or directory`);
  }

  try {
    return await openZipArchive(location);
  } catch (error) {
    if (error instanceof ArchiveError && !error.damagedZip) {
      if (allowSingleFile && (await startsLikeExecutable(location))) {
        return openSingleFileArchive(location);
      }
      throw new InputError(`${location}: ${error.message}`);
    }
    if (!(error instanceof ArchiveError) && error instanceof Error && 'code' in error) {
      throw new InputError(`${location}: ${error.message}`);
    }
    throw error;
  }
}

async function fileSize(location: string): Promise<number | null> {
  try {
    return (await stat(location)).size;
  } catch {
    return null;
  }
}

async function readPart(
  archive: PackageArchive | SingleFileArchive,
  role: PackagePart['role'],
  root: PackagePart['root'],
  primary: boolean,
  handlerClass: string | null,
  onProgress: ReadProgressListener | undefined,
): Promise<PackagePart> {
  const part: PackagePart = { role, primary, location: archive.location, root, archiveSize: archive.archiveSize, entries: [] };

  part.entries = archive.entries.map((entry) => ({
    entry,
    part,
    path: extractedPath(root, entry.path),
  }));

  const progress = {
    location: archive.location,
    entriesRead: 0,
    entriesTotal: part.entries.length,
    bytesTotal: archive.archiveSize ?? part.entries.reduce((sum, analyzed) => sum + analyzed.entry.size, 0),
    done: false,
  };
  onProgress?.({ ...progress });

  try {
    prefetchHeads(archive);
    await forEachConcurrently(part.entries, READ_CONCURRENCY, async (analyzed) => {
      await readEntry(archive, analyzed, handlerClass);
      progress.entriesRead += 1;
      if (onProgress !== undefined) {
        onProgress({ ...progress });
      }
    });
  } finally {
    archive.close();
    onProgress?.({ ...progress, done: true });
  }
  return part;
}

/**
 * Names of source and text files whose bytes cannot change how Lambda starts the function when the
 * file is not executable: the language runtime reads them as the file type their name gives, and neither the
 * kernel nor ld.so ever opens them. Their content is not read, which in a node_modules tree of
 * 30,000 files saves nearly all of the reading.
 */
const SOURCE_FILE_NAME = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|map|json|md|markdown|txt|css|scss|less|html?|svg|ya?ml|flow|py|pyi|rb|erb)$/i;

/** True when the entry's bytes cannot matter: a source or text file without any execute bit. */
function contentCannotMatter(entry: PackageEntry): boolean {
  return entry.permissions !== null && (entry.permissions & 0o111) === 0 && SOURCE_FILE_NAME.test(entry.path);
}

/**
 * Reads the heads of all entries in one pass where the archive supports it. A read error there is
 * left to the per-entry reads, which report it.
 */
function prefetchHeads(archive: PackageArchive | SingleFileArchive): void {
  try {
    archive.prefetchHeads?.(CLASSIFY_BYTES, (entry) => !contentCannotMatter(entry));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) {
      throw error;
    }
  }
}

async function readEntry(archive: PackageArchive | SingleFileArchive, analyzed: AnalyzedEntry, handlerClass: string | null): Promise<void> {
  const entry = analyzed.entry;
  if (entry.type === 'directory') {
    return;
  }
  if (entry.type === 'symlink' && entry.symlinkTarget !== undefined) {
    return;
  }

  const unreadable = unreadableReason(entry);
  if (unreadable !== null) {
    analyzed.readError = unreadable;
    return;
  }

  let source: EntrySource | null = null;
  const openSource = (): EntrySource => {
    source ??= archive.open(entry);
    return source;
  };

  try {
    if (entry.type === 'symlink') {
      const target = await archive.readHead(entry, MAX_SYMLINK_TARGET_BYTES);
      entry.symlinkTarget = target.toString('utf8');
      return;
    }

    // Most entries need only their first bytes; a stream is opened for those that need more.
    if (!contentCannotMatter(entry)) {
      const head = await archive.readHead(entry, CLASSIFY_BYTES);
      analyzed.content = await classifyContent(head, (offset, length) => openSource().read(offset, length));
      if (analyzed.content.format === 'elf') {
        analyzed.elf = await readElf(openSource());
      }
    }
    if (needsEntryDetails(analyzed)) {
      await readEntryDetails(analyzed, openSource, (length) => archive.readHead(entry, length), handlerClass);
    }

    // An entry read this far is cheap to finish, and only a read to the end checks its CRC-32.
    const opened = source as EntrySource | null;
    if (opened !== null && entry.size <= MAX_DRAINED_BYTES) {
      await opened.drain();
    }
  } catch (error) {
    if (!(error instanceof EntryReadError)) {
      throw error;
    }
    analyzed.readError = error.message;
  } finally {
    (source as EntrySource | null)?.close();
  }
}

function unreadableReason(entry: PackageEntry): string | null {
  if (entry.encrypted) {
    return 'the entry is encrypted (general-purpose bit 0 is set)';
  }
  if (!READABLE_METHODS.has(entry.compressionMethod)) {
    return `compression method ${entry.compressionMethod} is neither stored (0) nor deflated (8)`;
  }
  return null;
}

async function forEachConcurrently<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers: Promise<void>[] = [];

  for (let worker = 0; worker < Math.min(limit, items.length); worker += 1) {
    workers.push(
      (async () => {
        while (next < items.length) {
          const item = items[next];
          next += 1;
          await task(item);
        }
      })(),
    );
  }
  await Promise.all(workers);
}
