import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import { listRuntimes, type Architecture, type RuntimeInfo, type VersionNamespace } from '../src/runtimes/runtime.js';
import { compareVersionNumbers, parseVersionNumbers } from '../src/runtimes/versions.js';

/** Names of "version made by" hosts (APPNOTE 4.4.2) that Windows and old archivers write. */
const HOST_NAMES = new Map<number, string>([
  [0, 'MS-DOS/FAT'],
  [3, 'Unix'],
  [10, 'Windows NTFS'],
  [11, 'NTFS'],
  [14, 'VFAT'],
  [19, 'macOS'],
]);

export function hostName(hostSystem: number): string {
  return HOST_NAMES.get(hostSystem) ?? `host system ${hostSystem}`;
}

/** Four-digit octal permissions, e.g. `0644`. */
export function octalMode(permissions: number): string {
  return `0${(permissions & 0o777).toString(8).padStart(3, '0')}`;
}

/** `ls -l` style permission string, e.g. `-rw-r--r--`. */
export function symbolicMode(permissions: number, type: 'file' | 'directory' | 'symlink' = 'file'): string {
  const letters = 'rwxrwxrwx';
  let text = '-';
  if (type === 'directory') {
    text = 'd';
  } else if (type === 'symlink') {
    text = 'l';
  }
  for (let bit = 0; bit < 9; bit += 1) {
    text += (permissions & (0o400 >> bit)) !== 0 ? letters[bit] : '-';
  }
  return text;
}

/** Returns the path Lambda gives the entry, for messages, or the entry name when it has none. */
export function lambdaPath(analyzed: AnalyzedEntry): string {
  return analyzed.path ?? analyzed.entry.name;
}

/** True for the entrypoint itself and every package file it loads. */
export function isLoadedByEntrypoint(model: ArtifactModel, analyzed: AnalyzedEntry): boolean {
  return model.loadedByEntrypoint.has(analyzed);
}

const entryLists = new WeakMap<ArtifactModel['parts'], AnalyzedEntry[]>();
const elfLists = new WeakMap<ArtifactModel['parts'], AnalyzedEntry[]>();

/**
 * Returns the entries that are ELF files, in order, built once per package like allEntries. Most
 * rules about binaries look at a handful of ELF files among tens of thousands of entries, once per
 * runtime of the compatibility summary.
 */
export function elfEntries(model: ArtifactModel): AnalyzedEntry[] {
  let entries = elfLists.get(model.parts);
  if (entries === undefined) {
    entries = allEntries(model).filter((analyzed) => analyzed.elf !== undefined);
    elfLists.set(model.parts, entries);
  }
  return entries;
}


/**
 * Returns every entry of the function and its layers, in order. The list is built once per package:
 * the rules run once per runtime for the compatibility summary, and packages can hold 50,000 entries.
 */
export function allEntries(model: ArtifactModel): AnalyzedEntry[] {
  let entries = entryLists.get(model.parts);
  if (entries === undefined) {
    entries = model.parts.flatMap((part) => part.entries);
    entryLists.set(model.parts, entries);
  }
  return entries;
}

/** Ids of the runtimes of `family` that list `soname` as present for `architecture`. */
export function runtimesProviding(family: RuntimeInfo['family'], soname: string, architecture: Architecture): string[] {
  return listRuntimes()
    .filter((runtime) => runtime.family === family && runtime.architectures[architecture]?.libraries.includes(soname) === true)
    .map((runtime) => runtime.id);
}

/**
 * Runtimes of `family` whose highest version in `namespace` is at least `needed`, for the given
 * architecture, as `id (GLIBC_X)` labels.
 */
export function runtimesWithVersion(
  family: RuntimeInfo['family'],
  namespace: VersionNamespace,
  needed: number[],
  architecture: Architecture,
): string[] {
  return listRuntimes()
    .filter((runtime) => runtime.family === family && runtime.architectures[architecture] !== undefined)
    .filter((runtime) => {
      const highest = runtime.symbolVersions[namespace];
      return highest !== null && compareVersionNumbers(parseVersionNumbers(highest), needed) >= 0;
    })
    .map((runtime) => `${runtime.id} (${namespace}_${runtime.symbolVersions[namespace]})`);
}

/** Rust target triples and GOARCH for a Lambda architecture. */
export function toolchainNames(architecture: Architecture): { gnu: string; musl: string; goarch: string } {
  if (architecture === 'arm64') {
    return { gnu: 'aarch64-unknown-linux-gnu', musl: 'aarch64-unknown-linux-musl', goarch: 'arm64' };
  }
  return { gnu: 'x86_64-unknown-linux-gnu', musl: 'x86_64-unknown-linux-musl', goarch: 'amd64' };
}

/** Whether an entry is the entrypoint, a file the entrypoint loads, or neither. */
export function describeRole(model: ArtifactModel, analyzed: AnalyzedEntry): 'entrypoint' | 'loaded' | 'other' {
  if (model.entrypoint.entry === analyzed) {
    return 'entrypoint';
  }
  if (model.loadedByEntrypoint.has(analyzed)) {
    return 'loaded';
  }
  return 'other';
}

export const INVALID_ENTRYPOINT = 'Runtime.InvalidEntrypoint: "Couldn\'t find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]"';

/** For Mach-O and PE files, what they are and which OS they were built for; null for other formats. */
export function foreignBinaryDescription(analyzed: AnalyzedEntry): string | null {
  const content = analyzed.content;
  if (content?.format === 'macho' && content.macho !== undefined) {
    const kind = content.macho.universal ? 'a universal (fat) Mach-O file' : 'a Mach-O file';
    return `${kind} for macOS (${content.macho.architectures.join(', ')})`;
  }
  if (content?.format === 'pe' && content.pe !== undefined) {
    if (content.pe.managed) {
      return null;
    }
    if (content.pe.machine === null) {
      return 'an MS-DOS executable';
    }
    return `a Windows PE executable (${content.pe.machineName})`;
  }
  return null;
}

/**
 * Returns the AWS base image of a runtime on public.ecr.aws, for "build in the runtime's image" advice.
 * The images carry no compiler: `dnf install -y gcc` (Amazon Linux 2023) or `yum install -y gcc` first.
 */
export function runtimeImage(runtime: RuntimeInfo): string {
  const tags: Record<string, string> = { 'provided.al2023': 'provided:al2023', 'provided.al2': 'provided:al2', provided: 'provided:alami' };
  const tag = tags[runtime.id] ?? `${runtime.family}:${runtime.language?.version ?? 'latest'}`;
  return `public.ecr.aws/lambda/${tag}`;
}

/** Returns the package manager command that installs gcc in a runtime's base image. */
export function compilerInstall(runtime: RuntimeInfo): string {
  return runtime.osId === 'al2023' ? 'dnf install -y gcc' : 'yum install -y gcc';
}

/**
 * Quotes a file name as a shell word: unchanged when it is plain, in single quotes otherwise, and null
 * when it contains control characters, which no command line should carry.
 */
export function shellWord(name: string): string | null {
  if (/^[A-Za-z0-9._/+=@%:,-]+$/.test(name)) {
    return name;
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return null;
  }
  return `'${name.replaceAll("'", "'\\''")}'`;
}

/**
 * Returns how a failed load of a native module surfaces in a managed runtime, or null for the
 * entrypoint and custom runtimes, where the process itself fails to start.
 */
export function moduleLoadError(model: ArtifactModel, analyzed: AnalyzedEntry): string | null {
  if (analyzed === model.entrypoint.entry || model.settings.runtime.handler !== 'module') {
    return null;
  }
  switch (model.settings.runtime.family) {
    case 'python':
      return 'Runtime.ImportModuleError ("Unable to import module ...")';
    case 'nodejs':
      return 'ERR_DLOPEN_FAILED when the module is required';
    case 'ruby':
      return 'LoadError when the gem is required';
    default:
      return 'an error when the library is loaded';
  }
}

/** "version made by" hosts that store a Unix mode in the external attributes (Unix, macOS). */
const MODE_HOSTS = new Set([3, 19]);

/**
 * Why an entry has no Unix mode, as a clause after "was stored": a host that records none (Windows,
 * MS-DOS), or a Unix host that wrote mode 0, which Python's zipfile does for a ZipInfo whose
 * external_attr was never set.
 */
export function missingModeReason(analyzed: AnalyzedEntry): string {
  const host = analyzed.entry.hostSystem;
  if (storesUnixModes(analyzed)) {
    return `with an empty Unix mode (0000) although its zip tool ran on ${hostName(host)}, as Python's zipfile writes a ZipInfo whose external_attr is not set`;
  }
  return `by a zip tool on ${hostName(host)}, which records no Unix mode`;
}

/** True when the entry's zip tool ran on a host that stores Unix modes (Unix, macOS). */
export function storesUnixModes(analyzed: AnalyzedEntry): boolean {
  return MODE_HOSTS.has(analyzed.entry.hostSystem);
}

/** The fix sentence for Python's zipfile, which ignores the file's mode in writestr. */
export const PYTHON_ZIPFILE_MODE_FIX =
  "With Python's zipfile, `writestr` stores 0600 or nothing whatever the file's mode is: set `info.external_attr = 0o100755 << 16` on its ZipInfo, or use `zf.write(path)`, which keeps the mode.";
