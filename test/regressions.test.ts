import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { lint } from '../src/index.js';
import { fuzz } from './fuzz/fuzz.js';

/**
 * Inputs the fuzzer once crashed or hung on, kept under test/regressions/: each must now lint to a
 * report (findings or an input error) without an exception. A short fixed-seed fuzz pass runs too.
 */
const REGRESSIONS = 'test/regressions';

describe('fuzz regressions', () => {
  const inputs = existsSync(REGRESSIONS) ? readdirSync(REGRESSIONS).filter((name) => !name.startsWith('.') && name !== 'README.md') : [];

  for (const name of inputs) {
    it(`lints ${name} without an exception`, async () => {
      const report = await lint([join(REGRESSIONS, name)], { now: new Date('2026-12-04T00:00:00Z') });
      expect(report.artifacts).toHaveLength(1);
    });
  }

  it('survives a short fixed-seed fuzz pass', async () => {
    const result = await fuzz(300, 12345, 5000, join(REGRESSIONS));
    expect(result.crashes).toEqual([]);
    expect(result.slow).toEqual([]);
    expect(result.runs).toBe(300);
  }, 240_000);
});
