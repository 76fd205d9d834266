import type { Rule } from '../src/engine/rule.js';
import { OTHERS_EXECUTE, OTHERS_READ, entrypointAccessProblems } from './permissions.js';
import { allEntries, octalMode, symbolicMode } from './support.js';

export const rule: Rule = {
  code: 'LL1007',
  name: 'file-not-readable',
  defaultLevel: 'warning',
  summary: 'A file is not readable by others, or a folder cannot be entered by others.',
  fact: 'Lambda runs the function as a user that does not own its files; a file without the "others" read bit, or in a folder without the "others" execute bit, cannot be opened by the function.',
  lambdaError: 'EACCES: permission denied / [Errno 13] Permission denied when the code opens the file',
  check({ model, report }) {
    const reported = new Set(entrypointAccessProblems(model).map((problem) => problem.analyzed));

    for (const analyzed of allEntries(model)) {
      const permissions = analyzed.entry.permissions;
      if (permissions === null || reported.has(analyzed) || analyzed === model.entrypoint.entry) {
        continue;
      }

      const type = analyzed.entry.type;
      const unreadableFile = type === 'file' && (permissions & OTHERS_READ) === 0;
      const closedDirectory = type === 'directory' && (permissions & OTHERS_EXECUTE) === 0;
      if (!unreadableFile && !closedDirectory) {
        continue;
      }
      const mode = `${octalMode(permissions)} (${symbolicMode(permissions, type)})`;

      if (unreadableFile) {
        report({
          entry: analyzed,
          message:
            `${analyzed.entry.name} has mode ${mode}: others cannot read it. Lambda runs the function as a user ` +
            'that does not own the file, so code that opens it fails with "Permission denied" (EACCES).',
          fix: 'Run `chmod -R o+rX .` in the package folder before zipping, or `chmod 644` this file.',
          detail: octalMode(permissions),
        });
      }

      if (closedDirectory) {
        report({
          entry: analyzed,
          message:
            `${analyzed.entry.name} has mode ${mode}: others cannot enter it, so the function cannot open ` +
            'anything inside it ("Permission denied").',
          fix: 'Run `chmod -R o+rX .` in the package folder before zipping, or `chmod 755` this folder.',
          detail: octalMode(permissions),
        });
      }
    }
  },
};
