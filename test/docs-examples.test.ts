import { describe, expect, it } from 'vitest';

import { checkExamples } from './docs/examples.js';

/** Every rule page's example must be what lambda-lint prints today; `npm run docs:examples` rewrites them. */
describe('docs examples', () => {
  const checks = checkExamples();

  it('finds example commands in the rule pages', () => {
    expect(checks.length).toBeGreaterThan(40);
  });

  for (const check of checks) {
    it(`matches the tool: ${check.page}`, () => {
      expect(check.actual).toBe(check.expected);
    });
  }
});
