import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import { machineForArchitecture } from '../src/elf/constants.js';
import type { ElfInfo } from '../src/elf/read-elf.js';

/**
 * True when the ELF file is 64-bit little-endian code for the function's architecture. Loader,
 * library and version checks only mean something for such files; the others get elf-wrong-machine
 * or elf-wrong-class instead.
 */
export function runsOnArchitecture(model: ArtifactModel, elf: ElfInfo): boolean {
  return elf.elfClass === 64 && elf.byteOrder === 'little' && elf.machine === machineForArchitecture(model.settings.architecture);
}

/** The error Lambda shows when an ELF file cannot be used, by how the function uses it. */
export function unusableElfError(model: ArtifactModel, analyzed: AnalyzedEntry, kernelError: string): string {
  if (analyzed === model.entrypoint.entry && model.entrypoint.path !== null) {
    return `Lambda fails with "fork/exec ${model.entrypoint.path}: ${kernelError}" (Runtime.InvalidEntrypoint)`;
  }
  if (analyzed.elf?.executable === true) {
    return `starting it fails with "${kernelError}"`;
  }
  return 'ld.so skips it when it searches for the library, so loading fails with "cannot open shared object file"';
}
