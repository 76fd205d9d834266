import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL0002',
  name: 'unreadable-entry',
  defaultLevel: 'error',
  summary: 'An entry cannot be read: encrypted, compressed with a method other than store or deflate, or corrupt.',
  fact: 'Lambda extracts every entry with a standard unzip; encrypted entries and methods other than stored (0) and deflated (8) cannot be extracted, and corrupt deflate data fails.',
  lambdaError: 'Could not unzip uploaded file, or the file is missing or garbled at run time.',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      if (analyzed.readError === undefined) {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name}: lambda-lint cannot read this entry (${analyzed.readError}), and neither can ` +
          "Lambda's extractor: the upload fails with \"Could not unzip uploaded file\", or the file is unusable at run time.",
        fix:
          'Rebuild the zip without encryption and with deflate or no compression: `zip -r` on Linux or macOS, ' +
          '`cargo lambda build --output-format zip`, or `python3 -m zipfile -c`.',
        detail: analyzed.readError.split(':')[0],
      });
    }
  },
};
