import type { AnalyzedEntry } from '../src/analysis/model.js';
import type { Rule } from '../src/engine/rule.js';
import { NATIVE_MODULE_NAME, installForLinuxFix, unusedPlatformCopies } from './native-modules.js';
import { allEntries, foreignBinaryDescription } from './support.js';

export const rule: Rule = {
  code: 'LL2006',
  name: 'native-module-not-linux',
  defaultLevel: 'error',
  summary: 'A native module (.node, .so, .bundle, .dylib, .pyd, .dll) is a macOS or Windows binary.',
  fact: "Lambda runs Linux: Node.js, Python and Ruby load native modules with dlopen, which accepts only ELF files.",
  lambdaError: 'invalid ELF header (ERR_DLOPEN_FAILED in Node.js, Runtime.ImportModuleError in Python); for tagged Python and Ruby .bundle files, No module named / cannot load such file',
  check({ model, report }) {
    let unused: Set<AnalyzedEntry> | null = null;
    for (const analyzed of allEntries(model)) {
      const foreign = foreignBinaryDescription(analyzed);
      if (foreign === null) {
        continue;
      }
      if (analyzed === model.entrypoint.entry || !NATIVE_MODULE_NAME.test(analyzed.entry.path)) {
        continue;
      }
      // Copies for other platforms that the package's loader never picks are left alone. Finding them
      // costs a pass over the package, so it runs only for a foreign native module.
      unused ??= unusedPlatformCopies(model);
      if (unused.has(analyzed)) {
        continue;
      }

      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is ${foreign}. Lambda runs Linux, so ${loadFailure(model.settings.runtime.family, analyzed.entry.path, analyzed.path ?? analyzed.entry.name)}.`,
        fix: installForLinuxFix(model),
        detail: analyzed.content?.format,
      });
    }
  },
};

/** Describes what the language runtime does with a non-Linux native module, by family and file name. */
function loadFailure(family: string, name: string, path: string): string {
  if (family === 'python' && /\.cpython-[^.]*darwin[^.]*\.so$|\.pyd$/.test(name)) {
    return 'CPython skips it as a file for another platform, and the import fails with Runtime.ImportModuleError "No module named ..."';
  }
  if (family === 'ruby' && /\.bundle$/.test(name)) {
    return 'Ruby on Linux does not load .bundle files, and require fails with LoadError "cannot load such file"';
  }
  const where = family === 'nodejs' ? ' (ERR_DLOPEN_FAILED)' : family === 'python' ? ' (Runtime.ImportModuleError)' : '';
  return `loading it fails with "${path}: invalid ELF header"${where}`;
}
