import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { listCaseFolders, runCase } from './cases/run-cases.js';

/**
 * Every case folder must get the verdict and causes its expect.json names. The cases are real
 * packages: fixtures/cases from this repository, and the shared corpus beside the repository when it
 * is present (CI lays it out as ../shared/cases).
 */

/** Lifecycle verdicts in the cases were written for this date (provided.al2 deprecated, not yet blocked). */
const CASE_DATE = '2026-12-04';

const corpora = [
  { label: 'fixtures', directory: resolve('fixtures/cases') },
  { label: 'shared', directory: resolve('..', 'shared', 'cases') },
];

for (const corpus of corpora) {
  const present = existsSync(corpus.directory);

  describe.skipIf(!present)(`${corpus.label} cases`, () => {
    const folders = present ? listCaseFolders(corpus.directory) : [];

    it('has case folders', () => {
      expect(folders.length).toBeGreaterThan(0);
    });

    for (const folder of folders) {
      const name = folder.slice(folder.lastIndexOf('/') + 1);
      it(name, (context) => {
        const result = runCase(join(folder), CASE_DATE);
        if (result.status === 'skipped') {
          context.skip(result.reasons.join('; '));
        }
        expect(result.reasons).toEqual([]);
        expect(result.status).toBe('passed');
      });
    }
  });
}
