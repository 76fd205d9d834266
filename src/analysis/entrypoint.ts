import type { RuntimeInfo } from '../runtimes/runtime.js';
import { handlerTarget } from './handler.js';
import type { LibraryResolution } from './library-search.js';
import type { AnalyzedEntry, EntrypointInfo } from './model.js';
import type { PackageFileSystem } from './package-fs.js';

/**
 * Finds what Lambda starts or loads first. Custom runtimes execute /var/task/bootstrap, and
 * /opt/bootstrap from the layers when that is absent; go1.x executes /var/task/<Handler>; the other
 * runtimes load the module Handler names.
 */
export function findEntrypoint(
  fileSystem: PackageFileSystem,
  runtime: RuntimeInfo,
  handler: string | null,
  artifactKind: 'function' | 'layer',
): EntrypointInfo {
  if (artifactKind === 'layer') {
    // A layer on its own needs no entrypoint; a custom-runtime layer's /opt/bootstrap is checked when present.
    const resolution = runtime.entrypoint === null ? null : fileSystem.resolve(`/opt/${runtime.entrypoint}`);
    if (resolution !== null && resolution.status === 'found') {
      return { kind: 'executable', path: resolution.path, entry: resolution.entry };
    }
    return { kind: runtime.handler === 'module' ? 'module' : 'executable', path: null, entry: null };
  }

  if (runtime.handler === 'bootstrap' && runtime.entrypoint !== null) {
    for (const candidate of [`/var/task/${runtime.entrypoint}`, `/opt/${runtime.entrypoint}`]) {
      const resolution = fileSystem.resolve(candidate);
      if (resolution.status === 'found') {
        return { kind: 'executable', path: candidate, entry: resolution.entry };
      }
    }
    return { kind: 'executable', path: null, entry: null };
  }

  const target = handlerTarget(runtime, handler);
  const kind = runtime.handler === 'executable' ? 'executable' : 'module';
  for (const candidate of target?.candidates ?? []) {
    const resolution = fileSystem.resolve(candidate);
    if (resolution.status === 'found') {
      return { kind, path: candidate, entry: resolution.entry };
    }
  }

  // Java also loads the handler class from the jars on its classpath: lib/ of the function, java/lib of layers.
  const classFile = target?.classFile;
  if (classFile !== undefined) {
    for (const jar of fileSystem.entries()) {
      const onClasspath = jar.path !== null && (jar.path.startsWith('/var/task/') || jar.path.startsWith('/opt/java/lib/'));
      if (onClasspath && jar.archiveMembers?.includes(classFile) === true) {
        return { kind, path: `${jar.path ?? ''}!/${classFile}`, entry: jar };
      }
    }
  }
  return { kind, path: null, entry: null };
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
  if (entrypoint.kind === 'executable' && script !== undefined && script.interpreter.startsWith('/')) {
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
