import type { Rule } from '../src/engine/rule.js';
import { NATIVE_MODULE_NAME, installForLinuxFix } from './native-modules.js';
import { allEntries, foreignBinaryDescription } from './support.js';

export const rule: Rule = {
  code: 'LL2006',
  name: 'native-module-not-linux',
  defaultLevel: 'error',
  summary: 'A native module (.node, .so, .bundle, .dylib, .pyd, .dll) is a macOS or Windows binary.',
  fact: "Lambda runs Linux: Node.js, Python and Ruby load native modules with dlopen, which accepts only ELF files.",
  lambdaError: 'invalid ELF header (ERR_DLOPEN_FAILED in Node.js, Runtime.ImportModuleError in Python, LoadError in Ruby)',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      if (analyzed === model.entrypoint.entry || !NATIVE_MODULE_NAME.test(analyzed.entry.path)) {
        continue;
      }
      const foreign = foreignBinaryDescription(analyzed);
      if (foreign === null) {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} is ${foreign}. Lambda runs Linux, so loading it fails with "${analyzed.path ?? analyzed.entry.name}: ` +
          'invalid ELF header" (ERR_DLOPEN_FAILED in Node.js, Runtime.ImportModuleError in Python, LoadError in Ruby).',
        fix: installForLinuxFix(model),
        detail: analyzed.content?.format,
      });
    }
  },
};
