import type { ElfInfo } from '../elf/read-elf.js';
import type { RuntimeInfo, Architecture } from '../runtimes/runtime.js';
import type { AnalyzedEntry } from './model.js';
import type { PackageFileSystem } from './package-fs.js';

/** Outcome of ld.so's search for one DT_NEEDED entry on the target runtime. */
export type LibraryResolution =
  | { soname: string; status: 'package'; entry: AnalyzedEntry; path: string }
  | { soname: string; status: 'runtime'; confirmed: boolean }
  | { soname: string; status: 'missing'; searched: string[] };

/**
 * Resolves each DT_NEEDED of an ELF file the way glibc's ld.so searches: DT_RPATH (only when there is
 * no DT_RUNPATH), then LD_LIBRARY_PATH as Lambda sets it, then DT_RUNPATH, then the system directories.
 * `$ORIGIN` expands to the directory the file is extracted to.
 */
export function resolveLibraries(
  analyzed: AnalyzedEntry,
  elf: ElfInfo,
  fileSystem: PackageFileSystem,
  runtime: RuntimeInfo,
  architecture: Architecture,
): LibraryResolution[] {
  const origin = analyzed.path === null ? null : analyzed.path.slice(0, analyzed.path.lastIndexOf('/'));
  const directories = searchDirectories(elf, origin, runtime);

  return elf.needed.map((soname) => resolveOne(soname, directories, fileSystem, runtime, architecture));
}

function searchDirectories(elf: ElfInfo, origin: string | null, runtime: RuntimeInfo): string[] {
  const expand = (entries: string[]): string[] =>
    entries.flatMap((entry) => {
      const expanded = expandOrigin(entry, origin);
      return expanded === null ? [] : [expanded];
    });

  const directories: string[] = [];
  if (elf.runpath.length === 0) {
    directories.push(...expand(elf.rpath));
  }
  directories.push(...runtime.libraryPath);
  directories.push(...expand(elf.runpath));
  directories.push(...runtime.systemLibraryDirectories);
  return [...new Set(directories.map(normalizeDirectory))];
}

/** Expands `$ORIGIN` and `${ORIGIN}`; returns null when the origin is unknown. `$LIB` is `lib64` on Amazon Linux. */
function expandOrigin(entry: string, origin: string | null): string | null {
  let expanded = entry.replaceAll('${LIB}', 'lib64').replaceAll('$LIB', 'lib64');
  if (expanded.includes('$ORIGIN') || expanded.includes('${ORIGIN}')) {
    if (origin === null) {
      return null;
    }
    expanded = expanded.replaceAll('${ORIGIN}', origin).replaceAll('$ORIGIN', origin);
  }
  // A relative entry is taken relative to the working directory, which is /var/task on Lambda.
  if (!expanded.startsWith('/')) {
    expanded = `/var/task/${expanded}`;
  }
  return expanded;
}

function normalizeDirectory(directory: string): string {
  const parts: string[] = [];
  for (const component of directory.split('/')) {
    if (component === '' || component === '.') {
      continue;
    }
    if (component === '..') {
      parts.pop();
      continue;
    }
    parts.push(component);
  }
  return `/${parts.join('/')}`;
}

function resolveOne(
  soname: string,
  directories: string[],
  fileSystem: PackageFileSystem,
  runtime: RuntimeInfo,
  architecture: Architecture,
): LibraryResolution {
  const libraries = runtime.architectures[architecture];
  const confirmed = libraries?.libraries ?? [];
  const unconfirmed = libraries?.unconfirmedLibraries ?? [];

  // A name with a slash is opened as a path, relative to the working directory /var/task.
  if (soname.includes('/')) {
    const path = soname.startsWith('/') ? soname : `/var/task/${soname}`;
    const found = fileSystem.resolve(normalizeDirectory(path));
    if (found.status === 'found') {
      return { soname, status: 'package', entry: found.entry, path: found.path };
    }
    return { soname, status: 'missing', searched: [path] };
  }

  let seenUnconfirmed = false;
  for (const directory of directories) {
    if (runtime.systemLibraryDirectories.includes(directory)) {
      if (confirmed.includes(soname)) {
        return { soname, status: 'runtime', confirmed: true };
      }
      if (unconfirmed.includes(soname)) {
        seenUnconfirmed = true;
      }
      continue;
    }

    if (!fileSystem.isInside(directory)) {
      continue;
    }
    const found = fileSystem.resolve(`${directory}/${soname}`);
    if (found.status === 'found') {
      return { soname, status: 'package', entry: found.entry, path: found.path };
    }
  }

  if (seenUnconfirmed) {
    return { soname, status: 'runtime', confirmed: false };
  }
  return { soname, status: 'missing', searched: directories };
}
