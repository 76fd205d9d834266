import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

/** Lambda's quota for the function's deployment package and all its layers, unzipped (250 MiB). */
export const UNZIPPED_LIMIT_BYTES = 262_144_000;

export const rule: Rule = {
  code: 'LL1013',
  name: 'unzipped-size-too-large',
  defaultLevel: 'error',
  summary: 'The function and its layers unzip to more than 262,144,000 bytes.',
  fact: "Lambda's quota for a .zip deployment is 250 MiB (262,144,000 bytes) unzipped, counting the function and all its layers.",
  lambdaError: 'Unzipped size must be smaller than 262144000 bytes',
  check({ model, report }) {
    const entries = allEntries(model);
    const total = entries.reduce((sum, analyzed) => sum + analyzed.entry.size, 0);
    if (total <= UNZIPPED_LIMIT_BYTES) {
      return;
    }

    const largest = entries
      .filter((analyzed) => analyzed.entry.type === 'file')
      .sort((a, b) => b.entry.size - a.entry.size)
      .slice(0, 3)
      .map((analyzed) => `${analyzed.entry.name} (${analyzed.entry.size.toLocaleString('en-US')} bytes)`)
      .join(', ');
    const scope = model.parts.length > 1 ? 'the function and its layers take' : 'the package takes';

    report({
      message:
        `Unzipped, ${scope} ${total.toLocaleString('en-US')} bytes, over Lambda's limit of 262,144,000 bytes: ` +
        `creating or updating the function fails with "Unzipped size must be smaller than 262144000 bytes". Largest: ${largest}.`,
      fix:
        'Leave out what does not run on Lambda (tests, docs, caches, debug symbols: `strip`), load large data ' +
        'from S3 or EFS at run time, or deploy the function as a container image (10 GB limit).',
      detail: 'unzipped-size',
    });
  },
};
