import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import type { PathResolution } from '../src/analysis/package-fs.js';

/** A symlink entry and where its target resolves inside the extracted function and layers. */
export interface SymlinkTarget {
  analyzed: AnalyzedEntry;
  target: string;
  resolution: PathResolution;
  /** The target is under /opt, which layers provide, and no layer was given to check it. */
  inUncheckedLayers: boolean;
}

export function symlinkTargets(model: ArtifactModel): SymlinkTarget[] {
  const hasLayers = model.parts.some((part) => part.role === 'layer');
  const targets: SymlinkTarget[] = [];

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      if (analyzed.entry.type !== 'symlink' || analyzed.path === null || analyzed.entry.symlinkTarget === undefined) {
        continue;
      }

      const target = analyzed.entry.symlinkTarget;
      const directory = analyzed.path.slice(0, analyzed.path.lastIndexOf('/'));
      const absolute = target.startsWith('/') ? target : `${directory}/${target}`;
      const resolution = model.fileSystem.resolve(absolute);
      // Without --layer, /opt is not part of the model, so a link into it resolves "outside".
      const inUncheckedLayers = !hasLayers && (resolution.path === '/opt' || resolution.path.startsWith('/opt/'));

      targets.push({ analyzed, target, resolution, inUncheckedLayers });
    }
  }
  return targets;
}
