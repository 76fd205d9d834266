/**
 * The Example section of each docs/rules page holds a `console` block whose first line is a
 * lambda-lint command run from the repository root, followed by its output. This module finds those
 * blocks, runs their commands, and either compares or rewrites the output.
 *
 * Usage: node dist/test/docs/examples.js [--write]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/package-root.js';

const COMMAND_PREFIX = '$ node dist/bin/lambda-lint.js ';
const BLOCK = /```console\n(\$ node dist\/bin\/lambda-lint\.js [^\n]+)\n([\s\S]*?)```/g;

export interface ExampleCheck {
  page: string;
  command: string;
  expected: string;
  actual: string;
}

/** Runs one documented command; absolute paths to the docs folder are shortened to `docs/`. */
export function runExample(root: string, command: string): string {
  const args = command.slice(COMMAND_PREFIX.length).split(' ').filter((word) => word !== '');
  const result = spawnSync(process.execPath, [join(root, 'dist/bin/lambda-lint.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return result.stdout.replaceAll(`${resolve(root, 'docs')}/`, 'docs/');
}

/** Runs every example block of every rule page and returns it with the output the tool prints now. */
export function checkExamples(): ExampleCheck[] {
  const root = packageRoot();
  const folder = join(root, 'docs', 'rules');
  const checks: ExampleCheck[] = [];

  for (const page of readdirSync(folder).filter((name) => name.endsWith('.md')).sort()) {
    const text = readFileSync(join(folder, page), 'utf8');
    for (const match of text.matchAll(BLOCK)) {
      checks.push({ page, command: match[1], expected: match[2], actual: runExample(root, match[1]) });
    }
  }
  return checks;
}

/** Rewrites every example block with the current output. */
export function writeExamples(): number {
  const root = packageRoot();
  const folder = join(root, 'docs', 'rules');
  let changed = 0;

  for (const page of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
    const path = join(folder, page);
    const text = readFileSync(path, 'utf8');
    const updated = text.replace(BLOCK, (_block, command: string) => `\`\`\`console\n${command}\n${runExample(root, command)}\`\`\``);
    if (updated !== text) {
      writeFileSync(path, updated);
      changed += 1;
    }
  }
  return changed;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    process.stdout.write(`rewrote the examples of ${writeExamples()} pages\n`);
  } else {
    const stale = checkExamples().filter((check) => check.actual !== check.expected);
    for (const check of stale) {
      process.stdout.write(`stale example: docs/rules/${check.page}\n`);
    }
    process.exitCode = stale.length > 0 ? 1 : 0;
  }
}
