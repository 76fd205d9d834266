import type { Architecture, RuntimeInfo } from '../runtimes/runtime.js';
import { collectLoadedFiles, findEntrypoint } from './entrypoint.js';
import { resolveLibraries, type LibraryResolution } from './library-search.js';
import type { AnalyzedEntry, ArtifactModel } from './model.js';

/**
 * The same package seen by another runtime or architecture: entries, contents and the merged file
 * system are reused, while the entrypoint and library resolution, which depend on the runtime, are
 * computed again.
 *
 * NOTE: the fields replaced here must match RUNTIME_FIELDS in src/engine/run-rules.ts. A field added
 * here only would let the compatibility summary reuse findings that differ on another runtime.
 */
export function modelForRuntime(model: ArtifactModel, runtime: RuntimeInfo, architecture: Architecture): ArtifactModel {
  const settings = { ...model.settings, runtime, architecture };
  const libraries = new Map<AnalyzedEntry, LibraryResolution[]>();

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      if (analyzed.elf !== undefined && analyzed.elf.needed.length > 0) {
        libraries.set(analyzed, resolveLibraries(analyzed, analyzed.elf, model.fileSystem, runtime, architecture));
      }
    }
  }

  const entrypoint =
    model.archiveError === null
      ? findEntrypoint(model.fileSystem, runtime, settings.handler, settings.kind)
      : model.entrypoint;

  return {
    ...model,
    settings,
    entrypoint,
    libraries,
    loadedByEntrypoint: collectLoadedFiles(entrypoint, libraries, model.fileSystem),
  };
}
