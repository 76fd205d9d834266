import type { AnalyzedEntry, ArtifactModel } from './analysis/model.js';
import type { ElfInfo } from './elf/read-elf.js';
import type { EntrySummary, ElfSummary } from './report.js';
import { compareVersionNumbers, parseVersionName } from './runtimes/versions.js';

/** Highest version needed per namespace, e.g. `{ GLIBC: 'GLIBC_2.28', GLIBCXX: 'GLIBCXX_3.4.26' }`. */
export function highestVersions(elf: ElfInfo): Record<string, string> {
  const highest: Record<string, { name: string; numbers: number[] }> = {};

  for (const need of elf.versionNeeds) {
    for (const version of need.versions) {
      const parsed = parseVersionName(version.name);
      if (parsed === null) {
        continue;
      }
      const current = highest[parsed.namespace];
      if (current === undefined || compareVersionNumbers(parsed.numbers, current.numbers) > 0) {
        highest[parsed.namespace] = { name: version.name, numbers: parsed.numbers };
      }
    }
  }

  const names: Record<string, string> = {};
  for (const [namespace, value] of Object.entries(highest)) {
    names[namespace] = value.name;
  }
  return names;
}

export function summarizeElf(elf: ElfInfo): ElfSummary {
  return {
    elfClass: elf.elfClass,
    byteOrder: elf.byteOrder,
    machine: elf.machine,
    machineName: elf.machineName,
    type: elf.type,
    linkage: elf.linkage,
    interpreter: elf.interpreter,
    needed: elf.needed,
    rpath: elf.rpath,
    runpath: elf.runpath,
    versionNeeds: elf.versionNeeds.map((need) => ({
      file: need.file,
      versions: need.versions.map((version) => version.name),
    })),
    highestVersions: highestVersions(elf),
    problems: elf.problems,
  };
}

export function summarizeEntry(analyzed: AnalyzedEntry): EntrySummary {
  const entry = analyzed.entry;
  const summary: EntrySummary = {
    name: entry.name,
    path: analyzed.path,
    type: entry.type,
    mode: entry.permissions === null ? null : `0${(entry.permissions & 0o7777).toString(8).padStart(3, '0')}`,
    size: entry.size,
    format: analyzed.content?.format ?? null,
    description: describeContent(analyzed),
    layer: analyzed.part.primary ? null : analyzed.part.location,
  };

  if (entry.symlinkTarget !== undefined) {
    summary.symlinkTarget = entry.symlinkTarget;
  }
  if (analyzed.elf !== undefined) {
    summary.elf = summarizeElf(analyzed.elf);
  }
  if (analyzed.readError !== undefined) {
    summary.readError = analyzed.readError;
  }
  return summary;
}

/** Describes a file in one line, e.g. `ELF 64-bit x86-64, dynamic, needs GLIBC_2.28, 4 libraries`. */
export function describeContent(analyzed: AnalyzedEntry): string {
  const elf = analyzed.elf;
  if (elf !== undefined) {
    const parts = [`ELF ${elf.elfClass}-bit ${elf.machineName}`, elf.linkage];
    if (elf.linkage === 'dynamic' && elf.interpreter !== null && !elf.interpreter.includes('ld-linux')) {
      parts.push(`loader ${elf.interpreter}`);
    }
    const glibc = highestVersions(elf).GLIBC;
    if (glibc !== undefined) {
      parts.push(`needs ${glibc}`);
    }
    if (elf.needed.length > 0) {
      parts.push(`${elf.needed.length} ${elf.needed.length === 1 ? 'library' : 'libraries'}`);
    }
    if (elf.problems.length > 0) {
      parts.push('malformed');
    }
    return parts.join(', ');
  }

  const content = analyzed.content;
  if (analyzed.readError !== undefined) {
    return `unreadable (${analyzed.readError})`;
  }
  switch (content?.format) {
    case 'script':
      return `script, #!${content.script?.shebang ?? ''}${content.script?.crlf === true ? ' (CRLF)' : ''}`;
    case 'macho':
      return `Mach-O for macOS (${content.macho?.architectures.join(', ') ?? ''})`;
    case 'pe':
      if (content.pe?.managed === true) {
        return '.NET assembly (IL, runs on any OS)';
      }
      return `PE for Windows (${content.pe?.machineName ?? ''})`;
    case 'empty':
      return 'empty file';
    case 'other':
      return content.text === true ? 'text without #! line' : 'data';
    default:
      return analyzed.entry.type;
  }
}

/** `bootstrap  ELF 64-bit x86-64, static-pie`, or null when there is no entrypoint. */
export function describeEntrypoint(model: ArtifactModel): string | null {
  const analyzed = model.entrypoint.entry;
  if (analyzed === null || model.entrypoint.path === null) {
    return null;
  }
  let name = model.entrypoint.path.startsWith('/opt/') ? model.entrypoint.path : analyzed.entry.name;
  if (model.entrypoint.path.includes('!/')) {
    name = model.entrypoint.path.replace(/^\/var\/task\//, '');
  }
  if (model.entrypoint.kind === 'module') {
    const language = model.settings.runtime.language?.name ?? model.settings.runtime.family;
    return `${name}  ${language} handler file`;
  }
  return `${name}  ${describeContent(analyzed)}`;
}
