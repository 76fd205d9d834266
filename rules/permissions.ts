import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';

/** S_IROTH: others may read the file. */
export const OTHERS_READ = 0o004;
/** S_IXOTH: others may execute the file, or enter the directory. */
export const OTHERS_EXECUTE = 0o001;

/** A file or directory that the function's non-owner user cannot use, and the file that needs it. */
export interface AccessProblem {
  analyzed: AnalyzedEntry;
  kind: 'unreadable-file' | 'unsearchable-directory';
  /** For a directory: the loaded file below it. */
  neededFor?: AnalyzedEntry;
}

/**
 * Files the entrypoint needs to read, and directories it needs to pass through, that others may not use.
 * An ELF entrypoint needs only execute permission, because the kernel reads it; a script entrypoint and
 * every library ld.so opens need read permission.
 */
export function entrypointAccessProblems(model: ArtifactModel): AccessProblem[] {
  const problems: AccessProblem[] = [];
  const reportedDirectories = new Set<AnalyzedEntry>();

  for (const analyzed of model.loadedByEntrypoint) {
    const needsRead = !(analyzed === model.entrypoint.entry && analyzed.elf !== undefined);
    const permissions = analyzed.entry.permissions;
    if (needsRead && permissions !== null && (permissions & OTHERS_READ) === 0) {
      problems.push({ analyzed, kind: 'unreadable-file' });
    }

    if (analyzed.path === null) {
      continue;
    }
    for (const directory of model.fileSystem.directoryEntriesAbove(analyzed.path)) {
      const mode = directory.entry.permissions;
      if (mode !== null && (mode & OTHERS_EXECUTE) === 0 && !reportedDirectories.has(directory)) {
        reportedDirectories.add(directory);
        problems.push({ analyzed: directory, kind: 'unsearchable-directory', neededFor: analyzed });
      }
    }
  }
  return problems;
}
