import type { PackageArchive, PackageEntry } from '../archive/entry.js';
import type { SingleFileArchive } from '../archive/single-file-archive.js';
import type { ContentInfo } from '../content/classify.js';
import type { ElfInfo } from '../elf/read-elf.js';
import type { Architecture, RuntimeInfo } from '../runtimes/runtime.js';
import type { LibraryResolution } from './library-search.js';
import type { PackageFileSystem } from './package-fs.js';

/** A package's place on Lambda: the function at /var/task, layers at /opt. */
export interface PackagePart {
  role: 'function' | 'layer';
  /** True for the artifact being linted, false for the layers attached to it with --layer. */
  primary: boolean;
  /** Location of the zip or directory as the user named it. */
  location: string;
  /** Mount point inside the execution environment. */
  root: '/var/task' | '/opt';
  archiveSize: number | null;
  entries: AnalyzedEntry[];
}

/** A package entry with what lambda-lint read from its bytes. */
export interface AnalyzedEntry {
  entry: PackageEntry;
  part: PackagePart;
  /**
   * Absolute path after extraction, e.g. `/var/task/lib/libssl.so.3`; null for names no extractor
   * places inside the package (absolute paths, `..` components).
   */
  path: string | null;
  content?: ContentInfo;
  elf?: ElfInfo;
  /** Names inside the entry when it is itself a zip or jar (read for Java handlers and nested-zip checks). */
  archiveMembers?: string[];
  /** Class file major versions of classes read inside a nested jar, by member name. */
  nestedClassVersions?: Record<string, number>;
  /** Text of a small metadata file: an npm package.json or a Python WHEEL file. */
  text?: string;
  /** Registration symbols of a Node.js addon (.node): N-API, or the NODE_MODULE_VERSIONs it was built for. */
  nodeRegistration?: { napi: boolean; moduleVersions: number[]; nodeApi: boolean };
  /** Reason the entry's bytes could not be read (encryption, an unknown method, corrupt data). */
  readError?: string;
}

export interface LintSettings {
  /** `function` for a function's package (extracted to /var/task), `layer` for a layer zip on its own (/opt). */
  kind: 'function' | 'layer';
  runtime: RuntimeInfo;
  architecture: Architecture;
  handler: string | null;
  /** Today's date for lifecycle rules; injected so tests do not depend on the calendar. */
  now: Date;
}

/** Progress of reading one package's entries, reported after each entry. */
export interface ReadProgress {
  /** The zip, folder or file being read: the artifact or one of its layers. */
  location: string;
  entriesRead: number;
  entriesTotal: number;
  /** Size of the zip file, or the sum of the entry sizes for a folder or a single file. */
  bytesTotal: number;
  /** True on the last call for this package, also when reading stopped on an error. */
  done: boolean;
}

/** Receives read progress. It runs on the analysis path, so it must return quickly and not throw. */
export type ReadProgressListener = (progress: ReadProgress) => void;

/** Everything the rules see about one artifact. Rules only read it. */
export interface ArtifactModel {
  location: string;
  /** `file` for a single ELF file linted as the package's `bootstrap`. */
  kind: PackageArchive['kind'] | SingleFileArchive['kind'];
  settings: LintSettings;
  /** The function package, then each layer in attachment order. */
  parts: PackagePart[];
  /** Reason the artifact could not be read as a package at all, when it is a damaged zip. */
  archiveError: string | null;
  /**
   * Damage in a zip that still lets its entries be read (overlapping entries), one line each; layers'
   * problems start with "layer <location>: ". Empty when the archives are sound.
   */
  archiveProblems: string[];
  fileSystem: PackageFileSystem;
  entrypoint: EntrypointInfo;
  /** Libraries each ELF entry needs, resolved the way ld.so would on this runtime. */
  libraries: Map<AnalyzedEntry, LibraryResolution[]>;
  /** The entrypoint and every package file it loads, directly or through other libraries. */
  loadedByEntrypoint: Set<AnalyzedEntry>;
}

export interface EntrypointInfo {
  /**
   * `executable` when Lambda executes the file (bootstrap, the go1.x handler), `module` when the
   * runtime loads it (a Node, Python, Ruby, Java or .NET handler).
   */
  kind: 'executable' | 'module';
  /** The path Lambda would execute or load, e.g. `/var/task/bootstrap`, or null when no candidate exists. */
  path: string | null;
  /** The entry that path resolves to after following symlinks. */
  entry: AnalyzedEntry | null;
}

/** Name used in messages: the entry name, prefixed with the layer location for entries of attached layers. */
export function displayName(analyzed: AnalyzedEntry): string {
  if (!analyzed.part.primary) {
    return `${analyzed.part.location}!${analyzed.entry.name}`;
  }
  return analyzed.entry.name;
}
