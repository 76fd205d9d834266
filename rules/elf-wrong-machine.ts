import { machineForArchitecture } from '../src/elf/constants.js';
import { ARCHITECTURES } from '../src/runtimes/runtime.js';
import type { Rule } from '../src/engine/rule.js';
import { unusableElfError } from './elf-roles.js';
import { NATIVE_MODULE_NAME, installForLinuxFix, unusedPlatformCopies } from './native-modules.js';
import { elfEntries, describeRole, toolchainNames } from './support.js';

export const rule: Rule = {
  code: 'LL3001',
  name: 'elf-wrong-machine',
  defaultLevel: 'error',
  summary: "An ELF file's e_machine does not match the function's architecture (EM_X86_64 for x86_64, EM_AARCH64 for arm64).",
  fact: 'A function runs on one architecture: x86_64 executes only EM_X86_64 code and arm64 only EM_AARCH64; Lambda does not emulate the other.',
  lambdaError: 'fork/exec /var/task/bootstrap: exec format error (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const architecture = model.settings.architecture;
    const expected = machineForArchitecture(architecture);

    const unused = unusedPlatformCopies(model);
    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.elfClass !== 64 || elf.byteOrder !== 'little' || elf.machine === expected || unused.has(analyzed)) {
        continue;
      }

      // The entrypoint, what it loads and native modules fail the function. Another file (a helper
      // program, a build leftover) fails only if something starts it, so it is a warning.
      const nativeModule = NATIVE_MODULE_NAME.test(analyzed.entry.path) && model.settings.runtime.handler === 'module';
      const severity = describeRole(model, analyzed) !== 'other' || nativeModule || elf.linkage === 'shared-library' ? undefined : 'warning';

      const otherArchitecture = ARCHITECTURES.find((candidate) => machineForArchitecture(candidate) === elf.machine);
      const names = toolchainNames(architecture);
      const settingHint =
        otherArchitecture !== undefined && analyzed === model.entrypoint.entry
          ? ` If the binary is right, set the function's Architectures to ${otherArchitecture} instead (--arch ${otherArchitecture}).`
          : '';

      report({
        entry: analyzed,
        severity,
        blocksStart: true,
        message:
          `${analyzed.entry.name} is built for ${elf.machineName} (e_machine ${elf.machine}), but the function runs on ` +
          `${architecture}, which executes only ${architecture === 'x86_64' ? 'EM_X86_64' : 'EM_AARCH64'} code: ` +
          `${unusableElfError(model, analyzed, 'exec format error')}.`,
        fix: nativeModule
          ? `${installForLinuxFix(model)}${settingHint}`
          : `Build for ${architecture}: \`cargo lambda build --release --target ${names.gnu}\` (or ${names.musl}), ` +
            `Go with \`GOARCH=${names.goarch}\`, C with the ${architecture === 'arm64' ? 'aarch64-linux-gnu-gcc' : 'x86_64 gcc'} compiler.${settingHint}`,
        detail: elf.machineName,
      });
    }
  },
};
