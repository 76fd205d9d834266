import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL0002',
  name: 'unreadable-entry',
  defaultLevel: 'error',
  summary: 'An entry cannot be read: encrypted, compressed with a method other than store or deflate, or its data fails to inflate where lambda-lint reads it.',
  fact: 'Lambda extracts every entry of the package when the function is created or updated; an encrypted entry cannot be extracted without its password, damaged data cannot be inflated, and AWS documents no compression method besides deflate.',
  lambdaError: 'Could not unzip uploaded file',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      if (analyzed.readError === undefined) {
        continue;
      }

      const entry = analyzed.entry;
      let consequence: string;
      if (entry.encrypted) {
        consequence = 'Lambda cannot extract an encrypted entry either, so the upload fails with "Could not unzip uploaded file".';
      } else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        consequence =
          'AWS documents no compression method for deployment packages besides the usual deflate; if Lambda cannot ' +
          'extract it, the upload fails with "Could not unzip uploaded file".';
      } else {
        consequence =
          "The data is damaged, so Lambda's extractor fails on it too: the upload fails with \"Could not unzip uploaded file\".";
      }

      report({
        entry: analyzed,
        message: `${entry.name} cannot be read: ${analyzed.readError}. ${consequence}`,
        fix:
          'Rebuild the zip without encryption and with deflate or no compression: `zip -r` on Linux or macOS, ' +
          '`cargo lambda build --output-format zip`, or `python3 -m zipfile -c`.',
        detail: entry.encrypted ? 'encrypted' : `method-${entry.compressionMethod}`,
      });
    }
  },
};
