import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import type { LibraryResolution } from '../src/analysis/library-search.js';
import type { VersionNamespace } from '../src/runtimes/runtime.js';
import { compareVersionNumbers, parseVersionName, parseVersionNumbers } from '../src/runtimes/versions.js';
import { runsOnArchitecture } from './elf-roles.js';
import { elfEntries } from './support.js';

/** The highest version an ELF file needs in one namespace from libraries the runtime provides. */
export interface RuntimeVersionNeed {
  analyzed: AnalyzedEntry;
  namespace: VersionNamespace;
  /** Library that must define the version, e.g. `libc.so.6`. */
  library: string;
  /** Highest version needed, e.g. `GLIBC_2.28`. */
  version: string;
  numbers: number[];
}

/**
 * For each ELF file, the highest non-weak version it needs per namespace from runtime libraries.
 * Needs on libraries that the package ships are checked against those files instead (see
 * `packageVersionGaps`); weak needs are skipped because ld.so does not fail on them.
 */
export function runtimeVersionNeeds(model: ArtifactModel): RuntimeVersionNeed[] {
  const needs: RuntimeVersionNeed[] = [];

  for (const analyzed of elfEntries(model)) {
    const elf = analyzed.elf;
    if (elf === undefined || elf.versionNeeds.length === 0 || !runsOnArchitecture(model, elf)) {
      continue;
    }

    const highest = new Map<VersionNamespace, RuntimeVersionNeed>();
    for (const need of elf.versionNeeds) {
      if (resolutionOf(model, analyzed, need.file)?.status === 'package') {
        continue;
      }

      for (const version of need.versions) {
        const parsed = parseVersionName(version.name);
        if (parsed === null || version.weak) {
          continue;
        }
        const current = highest.get(parsed.namespace);
        if (current === undefined || compareVersionNumbers(parsed.numbers, current.numbers) > 0) {
          highest.set(parsed.namespace, {
            analyzed,
            namespace: parsed.namespace,
            library: need.file,
            version: version.name,
            numbers: parsed.numbers,
          });
        }
      }
    }
    needs.push(...highest.values());
  }
  return needs;
}

/** Compares the runtime's highest version with a need: met, met only by newer builds, or not met. */
export function judgeVersion(model: ArtifactModel, need: RuntimeVersionNeed): 'met' | 'newer-builds-only' | 'missing' | 'unknown' {
  const runtime = model.settings.runtime;
  const safe = runtime.symbolVersions[need.namespace];
  if (safe === null) {
    return 'unknown';
  }
  if (compareVersionNumbers(need.numbers, parseVersionNumbers(safe)) <= 0) {
    return 'met';
  }

  const latest = runtime.symbolVersionsLatestObserved?.[need.namespace] ?? null;
  if (latest !== null && compareVersionNumbers(need.numbers, parseVersionNumbers(latest)) <= 0) {
    return 'newer-builds-only';
  }
  return 'missing';
}

/** A version an ELF file needs from a library shipped in the package that the shipped copy does not define. */
export interface PackageVersionGap {
  analyzed: AnalyzedEntry;
  library: AnalyzedEntry;
  soname: string;
  version: string;
}

export function packageVersionGaps(model: ArtifactModel): PackageVersionGap[] {
  const gaps: PackageVersionGap[] = [];

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      if (analyzed.elf === undefined || !runsOnArchitecture(model, analyzed.elf)) {
        continue;
      }
      for (const need of analyzed.elf.versionNeeds) {
        const resolution = resolutionOf(model, analyzed, need.file);
        if (resolution?.status !== 'package') {
          continue;
        }

        // ld.so checks versions only against a library that has version definitions.
        const defined = resolution.entry.elf?.versionDefinitions ?? [];
        if (defined.length === 0) {
          continue;
        }
        for (const version of need.versions) {
          if (!version.weak && !defined.includes(version.name)) {
            gaps.push({ analyzed, library: resolution.entry, soname: need.file, version: version.name });
          }
        }
      }
    }
  }
  return gaps;
}

function resolutionOf(model: ArtifactModel, analyzed: AnalyzedEntry, soname: string): LibraryResolution | undefined {
  return model.libraries.get(analyzed)?.find((resolution) => resolution.soname === soname);
}
