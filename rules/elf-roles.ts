import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';

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
