/** e_machine values and their gABI names, for the machines a deployment package is likely to contain. */
export const EM_386 = 3;
export const EM_ARM = 40;
export const EM_X86_64 = 62;
export const EM_AARCH64 = 183;

const MACHINE_NAMES = new Map<number, string>([
  [EM_386, 'Intel 80386'],
  [8, 'MIPS'],
  [20, 'PowerPC'],
  [21, 'PowerPC64'],
  [22, 'IBM S/390'],
  [EM_ARM, 'ARM'],
  [43, 'SPARC V9'],
  [EM_X86_64, 'x86-64'],
  [EM_AARCH64, 'AArch64'],
  [243, 'RISC-V'],
  [258, 'LoongArch'],
]);

/** e_machine a Lambda architecture executes: EM_X86_64 on x86_64, EM_AARCH64 on arm64. */
export function machineForArchitecture(architecture: 'x86_64' | 'arm64'): number {
  return architecture === 'arm64' ? EM_AARCH64 : EM_X86_64;
}

/** Short gABI-style name for an e_machine value, e.g. `x86-64`, `AArch64`. */
export function machineName(machine: number): string {
  return MACHINE_NAMES.get(machine) ?? `e_machine ${machine}`;
}

export const ET_EXEC = 2;
export const ET_DYN = 3;

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;

export const DT_NULL = 0;
export const DT_NEEDED = 1;
export const DT_STRTAB = 5;
export const DT_STRSZ = 10;
export const DT_SONAME = 14;
export const DT_RPATH = 15;
export const DT_RUNPATH = 29;
export const DT_FLAGS_1 = 0x6ffffffb;
export const DT_VERDEF = 0x6ffffffc;
export const DT_VERDEFNUM = 0x6ffffffd;
export const DT_VERNEED = 0x6ffffffe;
export const DT_VERNEEDNUM = 0x6fffffff;

export const DF_1_PIE = 0x08000000;

/** vna_flags bit: the dependency is weak, so ld.so does not fail when the version is missing. */
export const VER_FLG_WEAK = 0x2;
/** vd_flags bit: the version definition of the file itself (its soname), not a symbol version. */
export const VER_FLG_BASE = 0x1;
