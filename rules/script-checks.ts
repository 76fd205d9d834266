import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import type { ScriptInfo } from '../src/content/classify.js';

/** The entrypoint when it is a `#!` script, with its parsed first line. */
export function entrypointScript(model: ArtifactModel): { analyzed: AnalyzedEntry; script: ScriptInfo; path: string } | null {
  const analyzed = model.entrypoint.entry;
  const script = analyzed?.content?.script;
  if (model.entrypoint.kind !== 'executable' || analyzed === null || script === undefined || model.entrypoint.path === null) {
    return null;
  }
  return { analyzed, script, path: model.entrypoint.path };
}
