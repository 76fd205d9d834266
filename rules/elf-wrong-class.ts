import type { Rule } from '../src/engine/rule.js';
import { unusableElfError } from './elf-roles.js';
import { elfEntries } from './support.js';

export const rule: Rule = {
  code: 'LL3002',
  name: 'elf-wrong-class',
  defaultLevel: 'error',
  summary: 'An ELF file is 32-bit (ELFCLASS32) or big-endian, which no Lambda architecture runs.',
  fact: 'Lambda supports two architectures, x86_64 and arm64 (AArch64), both 64-bit little-endian. Whether its kernel also runs 32-bit i386 or ARM code (compat mode) is not documented, so such a binary is at best unsupported; big-endian code cannot run at all.',
  lambdaError: 'fork/exec /var/task/bootstrap: exec format error (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || (elf.elfClass === 64 && elf.byteOrder === 'little')) {
        continue;
      }

      const description = elf.elfClass === 32 ? `a 32-bit ELF (ELFCLASS32, ${elf.machineName})` : `a big-endian ELF (${elf.machineName})`;
      const outcome =
        elf.elfClass === 32 && elf.byteOrder === 'little'
          ? 'AWS supports only 64-bit x86_64 and arm64 code, and does not document 32-bit support in its kernel; where it is absent, '
          : 'No Lambda CPU runs big-endian code: ';
      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is ${description}. ${outcome}${unusableElfError(model, analyzed, 'exec format error')}.`,
        fix:
          'Build a 64-bit binary: drop `-m32` or the i686/armv7 target and build for x86_64-unknown-linux-gnu or ' +
          'aarch64-unknown-linux-gnu (or their -musl variants).',
        detail: elf.elfClass === 32 ? 'ELFCLASS32' : 'big-endian',
      });
    }
  },
};
