import type { Rule } from '../src/engine/rule.js';
import { allEntries, missingModeReason, octalMode, shellWord } from './support.js';

export const rule: Rule = {
  code: 'LL1005',
  name: 'file-not-executable',
  defaultLevel: 'warning',
  summary: 'An ELF executable other than bootstrap (a helper, an extension) has no execute permission for others.',
  fact: 'Programs that bootstrap or Lambda start (helpers under bin/, extensions under extensions/) run as a user that does not own them and need the "others" execute bit.',
  lambdaError: 'permission denied (EACCES) when the program is started; Extension.LaunchError for extensions',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      // Extensions in /opt/extensions are extension-not-executable's.
      if (analyzed === model.entrypoint.entry || analyzed.elf?.executable !== true || analyzed.path?.startsWith('/opt/extensions/') === true) {
        continue;
      }

      const permissions = analyzed.entry.permissions;
      if (permissions !== null && (permissions & 0o001) !== 0) {
        continue;
      }

      const state =
        permissions === null
          ? `was stored ${missingModeReason(analyzed)}`
          : `has mode ${octalMode(permissions)}, without execute permission for others`;

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} is an ELF executable that ${state}. If the function starts it, ` +
          'the start fails with "permission denied" (EACCES).',
        fix: `\`chmod 755 ${shellWord(analyzed.entry.path) ?? analyzed.entry.path}\` before zipping, on a system that stores Unix modes.`,
        detail: permissions === null ? 'no-unix-mode' : octalMode(permissions),
      });
    }
  },
};
