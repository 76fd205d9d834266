import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL1009',
  name: 'unsafe-path',
  defaultLevel: 'error',
  summary:
    'An entry name is absolute or contains `..`, so extracting it would write outside the package folder (zip slip), or it contains a NUL byte.',
  fact: 'A package is extracted into /var/task (layers into /opt); a name that is absolute or climbs out with `..` has no place there, and how Lambda treats such entries is not documented. A NUL byte ends a file name for the C library, so extractors cut the name there or fail on it.',
  lambdaError: 'not documented: Lambda drops the entry or rejects the upload, and the file never lands where its name points',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      const name = analyzed.entry.name;
      const nulIndex = name.indexOf('\u0000');

      if (analyzed.path === null) {
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
      } else if (nulIndex !== -1) {
        // Measured: Info-ZIP unzip 6.0 and Python 3.11 zipfile both list `bootstrap\0.txt` as `bootstrap`.
        report({
          entry: analyzed,
          message:
            `"${name}" contains a NUL byte. Info-ZIP unzip and Python's zipfile end the name there and extract the file as ` +
            `"${name.slice(0, nulIndex)}", other extractors fail on it, and lambda-lint checks it under the full name; ` +
            'Lambda does not document which happens.',
          fix: 'Rebuild the zip with a tool that takes names from the file system (`zip -r`, `cargo lambda build --output-format zip`); no file name can contain NUL.',
          detail: name,
        });
      }
    }
  },
};
