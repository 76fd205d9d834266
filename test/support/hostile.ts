import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { expect } from 'vitest';

import { runCli, type CliResult } from './cli.js';

/** Preload that forbids child processes and records resource usage; see its header. */
const PROCESS_GUARD = resolve('test/support/process-guard.cjs');

/** Generous bounds for one run on a small input: they catch hangs and runaway allocation, not slowness. */
export const MAX_ELAPSED_MS = 10_000;
export const MAX_RSS_BYTES = 1024 * 1024 * 1024;

/** A CLI run in a scratch working directory, with what the run left behind. */
export interface GuardedRun extends CliResult {
  elapsedMs: number;
  /** Peak resident set size of the CLI process, in bytes. */
  maxRssBytes: number;
  /** Files and folders under the working directory that were not there before the run. */
  newPaths: string[];
}

/** Creates a scratch folder for one test's inputs; the CLI runs with it as working directory. */
export function makeWorkDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lambda-lint-${prefix}-`));
}

export function removeWorkDir(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

/**
 * Runs the built CLI in `workDir` under the process guard and reports how long it took, its peak
 * memory, and every path it created in `workDir`. The resource usage file lives outside `workDir`.
 */
export function runGuarded(args: string[], workDir: string, env: Record<string, string> = {}): GuardedRun {
  const usageDirectory = mkdtempSync(join(tmpdir(), 'lambda-lint-usage-'));
  const usageFile = join(usageDirectory, 'usage.json');
  const before = new Set(listTree(workDir));

  const started = performance.now();
  const result = runCli(args, { NODE_OPTIONS: `--require ${PROCESS_GUARD}`, LAMBDA_LINT_TEST_USAGE_FILE: usageFile, ...env }, workDir);
  const elapsedMs = performance.now() - started;

  let maxRssBytes = 0;
  try {
    maxRssBytes = (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number }).maxRSS * 1024;
  } finally {
    rmSync(usageDirectory, { recursive: true, force: true });
  }

  const newPaths = listTree(workDir).filter((path) => !before.has(path));
  return { ...result, elapsedMs, maxRssBytes, newPaths };
}

/**
 * Checks the contract every input must meet. The exit status is the expected one, and stderr has
 * exactly one `lambda-lint:` line for exit 2 and nothing for 0 and 1. There are no stack frames, no
 * new files and no child process (the guard exits with 99), and time and memory stay in bounds.
 */
export function expectWellBehaved(run: GuardedRun, expectedStatus: 0 | 1 | 2): void {
  expect(run.stderr).not.toContain('process guard:');
  expect(run.status).toBe(expectedStatus);

  if (expectedStatus === 2) {
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lambda-lint: /);
  } else {
    expect(run.stderr).toBe('');
  }

  expect(run.stdout).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.newPaths).toEqual([]);
  expect(run.elapsedMs).toBeLessThan(MAX_ELAPSED_MS);
  expect(run.maxRssBytes).toBeGreaterThan(0);
  expect(run.maxRssBytes).toBeLessThan(MAX_RSS_BYTES);
}

/** Rule names of the findings in a `--format json` run, for every artifact. */
export function ruleNames(run: CliResult): string[] {
  const report = JSON.parse(run.stdout) as { artifacts: Array<{ findings: Array<{ ruleName: string }> }> };
  return report.artifacts.flatMap((artifact) => artifact.findings.map((finding) => finding.ruleName));
}

function listTree(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((path) => relative(root, join(root, path)));
}
