import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import { handlerTarget, type HandlerTarget } from '../src/analysis/handler.js';

/** Returns the error each runtime family shows when the handler's file or class is missing. */
export function handlerNotFoundError(model: ArtifactModel, target: HandlerTarget): string {
  const runtime = model.settings.runtime;
  const handler = target.handler;

  switch (runtime.family) {
    case 'go':
      return `"fork/exec /var/task/${handler}: no such file or directory" (PathError)`;
    case 'nodejs': {
      const module = handler.slice(0, handler.lastIndexOf('.'));
      return `Runtime.ImportModuleError: "Error: Cannot find module '${module}'"`;
    }
    case 'python': {
      const module = handler.slice(0, handler.lastIndexOf('.'));
      return `Runtime.ImportModuleError: "Unable to import module '${module}': No module named '${module.split('.')[0]}'"`;
    }
    case 'ruby':
      return `"cannot load such file -- /var/task/${target.description.replace(/\.rb$/, '')}" (LoadError at init)`;
    case 'java':
      return `"Class not found: ${handler.split('::')[0]}" (java.lang.ClassNotFoundException)`;
    case 'dotnet':
      return `"Could not find the specified handler assembly with the file name '${handler.split('::')[0]}'"`;
    default:
      return 'an init error';
  }
}

/** Returns the handler's target when it is missing, or null when the runtime does not use Handler to find code. */
export function missingHandlerTarget(model: ArtifactModel): HandlerTarget | null {
  const runtime = model.settings.runtime;
  if (model.settings.kind === 'layer' || runtime.handler === 'bootstrap' || model.entrypoint.path !== null) {
    return null;
  }
  return handlerTarget(runtime, model.settings.handler);
}

/**
 * For a handler file missing at the root: copies of it one folder down, when that folder is the only
 * top-level folder of the package (the folder was zipped instead of its contents).
 */
export function nestedHandlerCopies(model: ArtifactModel, target: HandlerTarget): AnalyzedEntry[] {
  const part = model.parts[0];
  const relativeCandidates = target.candidates
    .filter((candidate) => candidate.startsWith('/var/task/'))
    .map((candidate) => candidate.slice('/var/task/'.length));

  const topFolders = new Set(
    part.entries
      .filter((analyzed) => analyzed.path !== null)
      .map((analyzed) => analyzed.entry.path.split('/')[0])
      .filter((top, _, all) => all.length > 0 && top !== ''),
  );
  const rootFiles = part.entries.filter((analyzed) => analyzed.entry.type !== 'directory' && !analyzed.entry.path.includes('/'));

  if (topFolders.size !== 1 || rootFiles.length > 0) {
    return [];
  }
  const [top] = [...topFolders];
  return part.entries.filter((analyzed) => relativeCandidates.some((candidate) => analyzed.entry.path === `${top}/${candidate}`));
}

/** True when a Java handler class exists inside a jar of the function (root or lib/). */
export function classInJar(model: ArtifactModel, target: HandlerTarget): AnalyzedEntry | null {
  if (target.classFile === undefined) {
    return null;
  }
  // The function's jars and, from layers, those under java/lib (/opt/java/lib is on the classpath).
  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const inLayerLibrary = part.role === 'layer' && analyzed.entry.path.startsWith('java/lib/');
      if ((part.primary || inLayerLibrary) && analyzed.archiveMembers?.includes(target.classFile) === true) {
        return analyzed;
      }
    }
  }
  return null;
}
