import type { Rule } from '../src/engine/rule.js';
import { NATIVE_MODULE_NAME } from './native-modules.js';
import { allEntries, foreignBinaryDescription } from './support.js';

/** Names Windows gives its programs; nothing on Linux executes a file by such a name by accident. */
const WINDOWS_PROGRAM_NAME = /\.exe$/i;

export const rule: Rule = {
  code: 'LL2005',
  name: 'foreign-binary',
  defaultLevel: 'warning',
  summary: 'A file other than the entrypoint and native modules is a Mach-O or PE binary, which nothing on Lambda can run.',
  fact: 'Lambda runs Linux; only ELF files can be executed by its kernel or loaded by ld.so.',
  lambdaError: 'exec format error when run; "invalid ELF header" when loaded as a library or native module',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      const foreign = foreignBinaryDescription(analyzed);
      if (foreign === null) {
        continue;
      }
      // Native-module names are native-module-not-linux's, an error. A Windows program named .exe
      // (setuptools' cli-64.exe launchers, say) is one that Linux code never runs by that name.
      if (analyzed === model.entrypoint.entry || NATIVE_MODULE_NAME.test(analyzed.entry.path) || WINDOWS_PROGRAM_NAME.test(analyzed.entry.path)) {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} is ${foreign}. Nothing on Lambda can execute or load it: running it fails with ` +
          '"exec format error" and loading it with "invalid ELF header".',
        fix: 'Build the Linux version for the function\'s architecture, or leave the file out of the package if nothing uses it.',
        detail: analyzed.content?.format,
      });
    }
  },
};
