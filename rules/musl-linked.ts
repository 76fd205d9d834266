import type { Rule } from '../src/engine/rule.js';
import { runsOnArchitecture } from './elf-roles.js';
import { installForLinuxFix, unusedPlatformCopies } from './native-modules.js';
import { elfEntries } from './support.js';

/** musl's C library sonames: `libc.musl-<arch>.so.1` on Alpine, `libc.so` from musl-gcc. */
export function isMuslLibc(soname: string): boolean {
  return soname.startsWith('libc.musl-') || soname === 'libc.so';
}

export const rule: Rule = {
  code: 'LL3009',
  name: 'musl-linked',
  defaultLevel: 'error',
  summary: 'A shared library or native module is linked against musl libc (built on Alpine), which no Lambda runtime has.',
  fact: 'Lambda runtimes run on Amazon Linux with glibc; musl\'s libc.musl-x86_64.so.1 (or libc.so from musl-gcc) does not exist there.',
  lambdaError: 'libc.musl-x86_64.so.1: cannot open shared object file: No such file or directory (ERR_DLOPEN_FAILED, Runtime.ImportModuleError)',
  check({ model, report }) {
    const unused = unusedPlatformCopies(model);
    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.interpreter !== null || !runsOnArchitecture(model, elf) || unused.has(analyzed)) {
        continue;
      }
      const musl = elf.needed.find(isMuslLibc);
      if (musl === undefined) {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} needs ${musl}, musl libc's library: it was built on a musl system such as Alpine Linux. ` +
          `Lambda runtimes use glibc and have no musl libc, so loading it fails (for libc.musl-*.so.1: "cannot open shared object file").`,
        fix: `Use the glibc build of the module (npm: the -gnu package; pip: a manylinux wheel, not musllinux). ${installForLinuxFix(model)}`,
        detail: musl,
      });
    }
  },
};
