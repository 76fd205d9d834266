import { describe, expect, it } from 'vitest';

import { findOperands, isSubcommand } from '../src/subcommands.js';

const WITH_VALUE = new Set(['--runtime', '--format', '-o', '--output']);

describe('findOperands', () => {
  it('skips option values', () => {
    const operands = findOperands(['--runtime', 'rules', '--format', 'json', 'runtimes', 'a.zip'], WITH_VALUE);

    expect(operands).toEqual([
      { value: 'runtimes', index: 4 },
      { value: 'a.zip', index: 5 },
    ]);
  });

  it('keeps values joined to their flag', () => {
    const operands = findOperands(['--format=json', '-ofile', 'rules'], WITH_VALUE);

    expect(operands).toEqual([{ value: 'rules', index: 2 }]);
  });

  it('stops at --', () => {
    const operands = findOperands(['--no-color', 'a.zip', '--', 'rules'], WITH_VALUE);

    expect(operands).toEqual([{ value: 'a.zip', index: 1 }]);
  });
});

describe('isSubcommand', () => {
  it('accepts the four commands', () => {
    for (const name of ['runtimes', 'rules', 'explain', 'hook']) {
      expect(isSubcommand(name)).toBe(true);
    }
    expect(isSubcommand('./rules')).toBe(false);
  });
});
