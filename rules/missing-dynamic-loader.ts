import type { Rule } from '../src/engine/rule.js';
import { runsOnArchitecture } from './elf-roles.js';
import { elfEntries, toolchainNames } from './support.js';

export const rule: Rule = {
  code: 'LL3004',
  name: 'missing-dynamic-loader',
  defaultLevel: 'error',
  summary: "An executable's PT_INTERP names a dynamic loader the runtime does not have (a musl loader, a Nix store path).",
  fact: "The kernel starts a dynamic executable through the loader named in PT_INTERP; Amazon Linux has only glibc's loader, /lib64/ld-linux-x86-64.so.2 on x86_64 and /lib/ld-linux-aarch64.so.1 on arm64.",
  lambdaError: 'fork/exec /var/task/bootstrap: no such file or directory (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const architecture = model.settings.architecture;
    const loader = model.settings.runtime.architectures[architecture]?.loader;
    if (loader === undefined) {
      return;
    }

    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.interpreter === null || elf.interpreter === loader || !runsOnArchitecture(model, elf)) {
        continue;
      }
      if (elf.interpreter.startsWith('/var/task/') || elf.interpreter.startsWith('/opt/')) {
        if (model.fileSystem.resolve(elf.interpreter).status === 'found') {
          continue;
        }
      }

      const isMusl = elf.interpreter.includes('ld-musl');
      const isEntrypoint = analyzed === model.entrypoint.entry && model.entrypoint.path !== null;
      const consequence = isEntrypoint
        ? `"fork/exec ${model.entrypoint.path}: no such file or directory" (Runtime.InvalidEntrypoint), although the file exists`
        : '"no such file or directory" when it is started, although the file exists';
      const names = toolchainNames(architecture);

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} asks for the dynamic loader ${elf.interpreter} (PT_INTERP)` +
          `${isMusl ? ", musl libc's loader" : ''}, but ${model.settings.runtime.id} has only ${loader}, ` +
          `so the kernel cannot start it: ${consequence}.`,
        fix: isMusl
          ? `Link musl statically: \`musl-gcc -static\`; Rust's ${names.musl} target links statically unless ` +
            '`-C target-feature=-crt-static` is set; or build for glibc (the -gnu target) in an Amazon Linux image.'
          : `Build on a system whose loader is ${loader} (an Amazon Linux image), link statically, or patch the interpreter: \`patchelf --set-interpreter ${loader} FILE\`.`,
        detail: elf.interpreter,
      });
    }
  },
};
