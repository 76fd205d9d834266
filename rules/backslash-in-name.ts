import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL1008',
  name: 'backslash-in-name',
  defaultLevel: 'error',
  summary: 'An entry name uses backslashes as folder separators, as old Windows tools write them.',
  fact: "APPNOTE requires forward slashes in entry names; Lambda's extractor keeps a backslash as part of the file name, so `lib\\x.so` becomes one file named `lib\\x.so` in /var/task instead of `x.so` in lib/.",
  lambdaError: 'cannot open shared object file / Cannot find module / No such file or directory, for the file the name was meant to create',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      const name = analyzed.entry.name;
      if (!name.includes('\\')) {
        continue;
      }

      const intended = name.replaceAll('\\', '/');
      report({
        entry: analyzed,
        message:
          `"${name}" uses backslashes as folder separators. Lambda keeps them as part of the name, so this becomes ` +
          `one file named "${name}" at the top of the package and nothing is created at ${intended}; ` +
          'whatever loads that path fails with "No such file or directory".',
        fix:
          'Zip with a tool that writes "/" separators and Unix modes: `zip -r` on Linux, macOS or WSL, or ' +
          '`cargo lambda build --output-format zip`. Compress-Archive in Windows PowerShell 5.1 writes backslashes, and ' +
          "Windows tools that write '/' (7-Zip, PowerShell 7) still store no Unix mode, which loses bootstrap's execute bit.",
        detail: name,
      });
    }
  },
};
