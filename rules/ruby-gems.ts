import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';

/** A gem directory under a Bundler or layer gem path, e.g. vendor/bundle/ruby/3.3.0/gems/nokogiri-1.16.0-x86_64-linux. */
export interface GemDirectory {
  abi: string;
  /** Folder that contains the ABI directories, e.g. `vendor/bundle/ruby`. */
  base: string;
  gem: string | null;
  platform: string | null;
  sample: AnalyzedEntry;
}

const GEM_PATH = /^(vendor\/bundle\/ruby|ruby\/gems)\/(\d+\.\d+\.\d+)\/(?:gems\/([^/]+)\/)?/;

export function gemDirectories(model: ArtifactModel): GemDirectory[] {
  const found = new Map<string, GemDirectory>();
  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const match = GEM_PATH.exec(analyzed.entry.path);
      if (match === null) {
        continue;
      }
      const folder = match[3] ?? null;
      const platformMatch = folder === null ? null : /^(.+?)-(\d[^-]*)-(.+)$/.exec(folder);
      const key = `${part.location}|${match[1]}|${match[2]}|${folder ?? ''}`;
      if (!found.has(key)) {
        found.set(key, {
          abi: match[2],
          base: match[1],
          gem: folder,
          platform: platformMatch === null ? null : platformMatch[3],
          sample: analyzed,
        });
      }
    }
  }
  return [...found.values()];
}
