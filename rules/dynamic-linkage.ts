import type { Rule } from '../src/engine/rule.js';
import { elfEntries, toolchainNames } from './support.js';

export const rule: Rule = {
  code: 'LL3003',
  name: 'dynamic-linkage',
  defaultLevel: 'off',
  summary: 'Policy, off by default (--require-static): an executable is dynamically linked.',
  fact: 'Dynamic linking works on Lambda when every needed library and symbol version exists in the runtime; some teams still require static executables so that a runtime change cannot break them.',
  lambdaError: 'none by itself; the other ELF rules report what would actually fail',
  check({ model, report }) {
    const names = toolchainNames(model.settings.architecture);

    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || !elf.executable || elf.linkage !== 'dynamic') {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} is dynamically linked (PT_INTERP ${elf.interpreter ?? ''}, ${elf.needed.length} DT_NEEDED ` +
          `${elf.needed.length === 1 ? 'entry' : 'entries'}), and this project requires static executables.`,
        fix:
          `Link statically: Rust with \`--target ${names.musl}\`, or \`RUSTFLAGS="-C target-feature=+crt-static"\` on ${names.gnu}; ` +
          'Go with `CGO_ENABLED=0`; C with `gcc -static` or `musl-gcc -static`.',
        detail: 'dynamic',
      });
    }
  },
};
