import type { Rule } from '../src/engine/rule.js';
import { entrypointAccessProblems } from './permissions.js';
import { octalMode, symbolicMode } from './support.js';

export const rule: Rule = {
  code: 'LL1006',
  name: 'entrypoint-not-readable',
  defaultLevel: 'error',
  summary: 'A file that bootstrap needs (a script bootstrap, a library it loads) is not readable by others, or sits in a folder others cannot enter.',
  fact: 'Lambda runs the function as a user that does not own its files, so every file the loader or an interpreter opens needs the "others" read bit, and every folder on the way needs the "others" execute bit.',
  lambdaError: 'error while loading shared libraries: ...: cannot open shared object file: No such file or directory (exit status 127, Runtime.ExitError); ld.so reports an unreadable library as missing',
  check({ model, report }) {
    for (const problem of entrypointAccessProblems(model)) {
      const analyzed = problem.analyzed;
      const permissions = analyzed.entry.permissions ?? 0;
      const mode = `${octalMode(permissions)} (${symbolicMode(permissions, analyzed.entry.type)})`;

      if (problem.kind === 'unsearchable-directory') {
        const below = problem.neededFor?.entry.name ?? '';
        report({
          entry: analyzed,
          message:
            `${analyzed.entry.name} has mode ${mode}: others cannot enter it, so the function's user cannot open ` +
            `${below}, which the entrypoint needs. ld.so treats a library it cannot open as absent and fails with ` +
            '"cannot open shared object file: No such file or directory", exit status 127 (Runtime.ExitError).',
          fix: 'Run `chmod -R o+rX .` in the package folder before zipping (read for files, enter for folders).',
          detail: octalMode(permissions),
        });
        continue;
      }

      const isEntrypoint = analyzed === model.entrypoint.entry;
      const where = analyzed.path ?? analyzed.entry.name;
      let consequence: string;
      let role: string;
      if (isEntrypoint && model.entrypoint.kind === 'module') {
        role = 'It is the handler file';
        consequence = `the runtime cannot load it: "EACCES: permission denied, open '${where}'" (Node.js) or "[Errno 13] Permission denied" (Python)`;
      } else if (isEntrypoint) {
        role = 'bootstrap is a script';
        consequence = `its interpreter cannot read it: "${where}: Permission denied", exit status 126 (Runtime.ExitError)`;
      } else {
        role = 'The entrypoint loads it';
        consequence =
          'ld.so cannot open it, treats it as absent and fails with "error while loading shared libraries: ' +
          `${analyzed.entry.path.slice(analyzed.entry.path.lastIndexOf('/') + 1)}: cannot open shared object file: No such file or directory", ` +
          'exit status 127 (Runtime.ExitError)';
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} has mode ${mode}: others cannot read it. ${role}, and because Lambda runs the function ` +
          `as a user that does not own the file, ${consequence}.`,
        fix: 'Run `chmod -R o+rX .` in the package folder before zipping, or `chmod 644` this file (755 for executables).',
        detail: octalMode(permissions),
      });
    }
  },
};
