import { statSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CLI_PATH } from './support/cli.js';

/** `npx lambda-lint` in a clone runs the bin file directly, so the build must leave it executable. */
describe('built command', () => {
  it('is executable', () => {
    expect(statSync(CLI_PATH).mode & 0o111).not.toBe(0);
  });
});
