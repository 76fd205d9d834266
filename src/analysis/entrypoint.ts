import type { LibraryResolution } from './library-search.js';
import type { AnalyzedEntry, EntrypointInfo } from './model.js';
import type { PackageFileSystem } from './package-fs.js';

/** Custom runtimes execute /var/task/bootstrap, and /opt/bootstrap from the layers when that is absent. */
export function findEntrypoint(fileSystem: PackageFileSystem, fileName: string): EntrypointInfo {
  for (const candidate of [`/var/task/${fileName}`, `/opt/${fileName}`]) {
    const resolution = fileSystem.resolve(candidate);
    if (resolution.status === 'found') {
      return { path: candidate, entry: resolution.entry };
    }
  }
  return { path: null, entry: null };
}

/** The entrypoint and every package file the loader maps for it, following DT_NEEDED through the package. */
export function collectLoadedFiles(
  entrypoint: EntrypointInfo,
  libraries: Map<AnalyzedEntry, LibraryResolution[]>,
  fileSystem: PackageFileSystem,
): Set<AnalyzedEntry> {
  const loaded = new Set<AnalyzedEntry>();
  if (entrypoint.entry === null) {
    return loaded;
  }

  const pending: AnalyzedEntry[] = [entrypoint.entry];
  const script = entrypoint.entry.content?.script;
  if (script !== undefined && script.interpreter.startsWith('/')) {
    const interpreter = fileSystem.resolve(script.interpreter);
    if (interpreter.status === 'found') {
      pending.push(interpreter.entry);
    }
  }

  while (pending.length > 0) {
    const current = pending.pop() as AnalyzedEntry;
    if (loaded.has(current)) {
      continue;
    }
    loaded.add(current);

    for (const resolution of libraries.get(current) ?? []) {
      if (resolution.status === 'package') {
        pending.push(resolution.entry);
      }
    }
  }
  return loaded;
}
