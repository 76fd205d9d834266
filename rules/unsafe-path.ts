import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL1009',
  name: 'unsafe-path',
  defaultLevel: 'error',
  summary: 'An entry name is absolute or contains `..`, so extracting it would write outside the package folder (zip slip).',
  fact: 'A package is extracted into /var/task (layers into /opt); a name that is absolute or climbs out with `..` has no place there, and how Lambda treats such entries is not documented.',
  lambdaError: 'not documented: Lambda drops the entry or rejects the upload, and the file never lands where its name points',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      if (analyzed.path !== null) {
        continue;
      }

      const name = analyzed.entry.name;
      const reason = name.startsWith('/')
        ? 'is an absolute path'
        : 'climbs out of the package folder with ".." components';

      report({
        entry: analyzed,
        message:
          `"${name}" ${reason}. Extracting it would write outside ${analyzed.part.root} (zip slip); Lambda does not ` +
          'document what it does with such entries, and the file never lands where the function could use it.',
        fix:
          'Build the zip from inside the package folder so every name is relative: `cd build && zip -r ../function.zip .`; ' +
          'remove entries that were added with absolute or ../ paths.',
        detail: name,
      });
    }
  },
};
