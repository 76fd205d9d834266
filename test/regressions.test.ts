import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
      // A mutated ELF (named *.elf) is replayed as the bootstrap of a package folder, as the fuzzer ran it.
      const folder = name.endsWith('.elf') ? mkdtempSync(join(tmpdir(), 'lambda-lint-regression-')) : null;
      try {
        let path = join(REGRESSIONS, name);
        if (folder !== null) {
          copyFileSync(path, join(folder, 'bootstrap'));
          chmodSync(join(folder, 'bootstrap'), 0o755);
          path = folder;
        }
        const report = await lint([path], { now: new Date('2026-12-04T00:00:00Z') });
        expect(report.artifacts).toHaveLength(1);
      } finally {
        if (folder !== null) {
          rmSync(folder, { recursive: true, force: true });
        }
      }
    });
  }

  it('survives a short fixed-seed fuzz pass', async () => {
    const result = await fuzz(300, 12345, 5000, join(REGRESSIONS));
    expect(result.crashes).toEqual([]);
    expect(result.slow).toEqual([]);
    expect(result.hungry).toEqual([]);
    expect(result.runs).toBe(300);
  }, 240_000);
});
