import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';

/**
 * Files that look like the intended entrypoint when the package root has none: a file named like the
 * entrypoint deeper in the tree, and executables at the root under another name.
 */
export interface EntrypointCandidates {
  nested: AnalyzedEntry[];
  misnamed: AnalyzedEntry[];
}

export function findEntrypointCandidates(model: ArtifactModel): EntrypointCandidates {
  const fileName = model.settings.runtime.entrypoint;
  if (fileName === null) {
    return { nested: [], misnamed: [] };
  }
  const nested: AnalyzedEntry[] = [];
  const misnamed: AnalyzedEntry[] = [];

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      if (analyzed.path === null || analyzed.entry.type === 'directory') {
        continue;
      }

      const relative = analyzed.path.slice(part.root.length + 1);
      const baseName = relative.slice(relative.lastIndexOf('/') + 1);

      if (relative.includes('/') && baseName === fileName) {
        nested.push(analyzed);
        continue;
      }

      if (part.role === 'function' && !relative.includes('/') && looksLikeEntrypoint(analyzed, fileName)) {
        misnamed.push(analyzed);
      }
    }
  }

  return { nested, misnamed };
}

function looksLikeEntrypoint(analyzed: AnalyzedEntry, fileName: string): boolean {
  const name = analyzed.entry.path;
  if (name.toLowerCase().startsWith(fileName.toLowerCase())) {
    return couldBeExecutable(analyzed);
  }
  if (analyzed.elf !== undefined && analyzed.elf.executable) {
    return true;
  }
  return analyzed.content?.format === 'macho' || (analyzed.content?.format === 'pe' && analyzed.content.pe?.managed !== true);
}

/**
 * True when renaming the file to the entrypoint name could give a working entrypoint: an executable
 * format, or binary data lambda-lint cannot name. A text or source file without `#!` (bootstrap.json,
 * bootstrap.md) and a zip (cargo lambda's bootstrap.zip) cannot be executed under any name.
 */
function couldBeExecutable(analyzed: AnalyzedEntry): boolean {
  const format = analyzed.content?.format;
  if (format === 'pe') {
    // A .NET assembly is IL for the .NET runtime, never an executable for the kernel.
    return analyzed.content?.pe?.managed !== true;
  }
  if (format === 'elf' || format === 'script' || format === 'macho') {
    return true;
  }
  return format === 'other' && analyzed.content?.text !== true && !/\.(zip|jar)$/i.test(analyzed.entry.path);
}

/** Message sentence for a Handler value that names a file in the package, which provided.* runtimes ignore. */
export function handlerNote(model: ArtifactModel): string {
  const handler = model.settings.handler;
  if (handler === null || handler === '') {
    return '';
  }

  const resolution = model.fileSystem.resolve(`/var/task/${handler}`);
  if (resolution.status !== 'found') {
    return '';
  }
  return (
    ` The Handler "${handler}" names a file in the package, but ${model.settings.runtime.id} does not use Handler ` +
    'to find the executable: it only passes it to bootstrap as _HANDLER (only the retired go1.x runtime ran the file Handler named).'
  );
}
