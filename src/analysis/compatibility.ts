import { EM_AARCH64, EM_X86_64 } from '../elf/constants.js';
import { listRuntimes, type Architecture, type RuntimeInfo } from '../runtimes/runtime.js';
import { compareVersionNumbers, parseVersionName, parseVersionNumbers } from '../runtimes/versions.js';
import { resolveLibraries } from './library-search.js';
import type { AnalyzedEntry, ArtifactModel } from './model.js';

/** Whether the package's native code would load on one runtime and architecture, and why not. */
export interface CompatibilityResult {
  runtime: string;
  architecture: Architecture;
  starts: boolean;
  /** The first few reasons it would not, e.g. `bootstrap needs GLIBC_2.28`. */
  reasons: string[];
}

const MAX_REASONS = 3;

/**
 * Checks the package's ELF files and language ABI tags against every runtime of the same family
 * (custom runtimes against provided.*, Node.js against nodejs*.x, ...) on each of its architectures.
 * Layout and mode problems are the same on every runtime of a family and are left to the rules.
 */
export function assessCompatibility(model: ArtifactModel): CompatibilityResult[] {
  if (model.archiveError !== null) {
    return [];
  }

  const family = model.settings.runtime.family;
  const results: CompatibilityResult[] = [];
  for (const runtime of listRuntimes().filter((candidate) => candidate.family === family)) {
    for (const architecture of Object.keys(runtime.architectures) as Architecture[]) {
      const reasons = incompatibilities(model, runtime, architecture);
      results.push({ runtime: runtime.id, architecture, starts: reasons.length === 0, reasons: reasons.slice(0, MAX_REASONS) });
    }
  }
  return results;
}

/**
 * One line: `runs on provided.al2023 (x86_64, arm64); not on provided.al2, provided: bootstrap needs GLIBC_2.34`.
 * A runtime that fails is explained by its result for `architecture` when it has one.
 */
export function summarizeCompatibility(results: CompatibilityResult[], architecture: Architecture): string | null {
  if (results.length === 0) {
    return null;
  }

  const byRuntime = new Map<string, CompatibilityResult[]>();
  for (const result of results) {
    byRuntime.set(result.runtime, [...(byRuntime.get(result.runtime) ?? []), result]);
  }

  const runs: string[] = [];
  const failsByReason = new Map<string, string[]>();
  for (const [runtime, perArchitecture] of byRuntime) {
    const good = perArchitecture.filter((result) => result.starts).map((result) => result.architecture);
    if (good.length > 0) {
      runs.push(`${runtime} (${good.join(', ')})`);
      continue;
    }
    const explaining = perArchitecture.find((result) => result.architecture === architecture) ?? perArchitecture[0];
    const reason = explaining.reasons[0] ?? 'unknown';
    failsByReason.set(reason, [...(failsByReason.get(reason) ?? []), runtime]);
  }

  const parts: string[] = [];
  parts.push(runs.length > 0 ? `runs on ${runs.join(', ')}` : 'runs on no runtime of this family');
  for (const [reason, runtimes] of failsByReason) {
    parts.push(`not on ${runtimes.join(', ')}: ${reason}`);
  }
  return parts.join('; ');
}

function incompatibilities(model: ArtifactModel, runtime: RuntimeInfo, architecture: Architecture): string[] {
  const reasons: string[] = [];
  const expectedMachine = architecture === 'arm64' ? EM_AARCH64 : EM_X86_64;
  const loader = runtime.architectures[architecture]?.loader;

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.problems.length > 0) {
        continue;
      }
      const name = analyzed.entry.name;

      if (elf.elfClass !== 64 || elf.byteOrder !== 'little' || elf.machine !== expectedMachine) {
        reasons.push(`${name} is ${elf.machineName}`);
        continue;
      }
      if (elf.interpreter !== null && elf.interpreter !== loader && !elf.interpreter.startsWith('/var/task/')) {
        reasons.push(`${name} needs the loader ${elf.interpreter}`);
        continue;
      }

      for (const resolution of resolveLibraries(analyzed, elf, model.fileSystem, runtime, architecture)) {
        if (resolution.status === 'missing') {
          reasons.push(`${name} needs ${resolution.soname}`);
        }
      }
      reasons.push(...versionReasons(model, analyzed, runtime, architecture));
    }
  }

  reasons.push(...abiReasons(model, runtime));
  return [...new Set(reasons)];
}

function versionReasons(model: ArtifactModel, analyzed: AnalyzedEntry, runtime: RuntimeInfo, architecture: Architecture): string[] {
  const elf = analyzed.elf;
  if (elf === undefined) {
    return [];
  }
  const resolutions = resolveLibraries(analyzed, elf, model.fileSystem, runtime, architecture);
  const tooNew = new Map<string, { name: string; numbers: number[] }>();

  for (const need of elf.versionNeeds) {
    if (resolutions.find((resolution) => resolution.soname === need.file)?.status === 'package') {
      continue;
    }
    for (const version of need.versions) {
      const parsed = parseVersionName(version.name);
      const highest = parsed === null ? null : runtime.symbolVersions[parsed.namespace];
      if (parsed === null || version.weak || highest === null) {
        continue;
      }
      if (compareVersionNumbers(parsed.numbers, parseVersionNumbers(highest)) <= 0) {
        continue;
      }
      const current = tooNew.get(parsed.namespace);
      if (current === undefined || compareVersionNumbers(parsed.numbers, current.numbers) > 0) {
        tooNew.set(parsed.namespace, { name: version.name, numbers: parsed.numbers });
      }
    }
  }
  return [...tooNew.values()].map((version) => `${analyzed.entry.name} needs ${version.name}`);
}

/** Language ABI tags that tie the package to one runtime version: CPython tags, NODE_MODULE_VERSION, Ruby ABI folders. */
function abiReasons(model: ArtifactModel, runtime: RuntimeInfo): string[] {
  const reasons: string[] = [];
  const language = runtime.language;
  if (language === null) {
    return reasons;
  }

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const path = analyzed.entry.path;
      const cpython = /\.cpython-(\d)(\d+)t?-/.exec(path);
      if (runtime.family === 'python' && cpython !== null && `cp${cpython[1]}${cpython[2]}` !== language.pythonTag) {
        reasons.push(`${analyzed.entry.name} is for CPython ${cpython[1]}.${cpython[2]}`);
      }

      const registration = analyzed.nodeRegistration;
      if (
        runtime.family === 'nodejs' &&
        registration !== undefined &&
        !registration.napi &&
        registration.moduleVersions.length > 0 &&
        language.nodeModuleVersion !== undefined &&
        !registration.moduleVersions.includes(language.nodeModuleVersion)
      ) {
        reasons.push(`${analyzed.entry.name} is built for NODE_MODULE_VERSION ${registration.moduleVersions[0]}`);
      }

      const rubyAbi = /^vendor\/bundle\/ruby\/(\d+\.\d+\.\d+)\//.exec(path);
      if (runtime.family === 'ruby' && rubyAbi !== null && rubyAbi[1] !== language.rubyAbi) {
        reasons.push(`gems are vendored for Ruby ${rubyAbi[1]}`);
      }
    }
  }
  return reasons;
}
