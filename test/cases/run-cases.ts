/**
 * Runs lambda-lint on every case folder below a directory and checks each diagnosis against the
 * folder's expect.json. Usage: npm run cases -- DIR [--today YYYY-MM-DD]
 *
 * A case folder contains function.zip, optionally layer zips, and expect.json with the runtime settings,
 * the verdict and the cause classes. Exits 1 when any case disagrees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { packageRoot } from '../../src/package-root.js';
import { findRuntime } from '../../src/runtimes/runtime.js';
import { judgeCase, uncoveredCauses, type CaseExpectation, type ReportedFinding } from './expectations.js';

export interface CaseResult {
  id: string;
  status: 'passed' | 'failed' | 'skipped';
  reasons: string[];
}

/** The built CLI, found from the package root whether this module runs from test/ or dist/test/. */
const CLI = join(packageRoot(), 'dist', 'bin', 'lambda-lint.js');

/** Runs one case folder through the built CLI and judges the result. */
export function runCase(folder: string, today: string): CaseResult {
  const expectation = JSON.parse(readFileSync(join(folder, 'expect.json'), 'utf8')) as CaseExpectation;
  const id = expectation.id;

  if (findRuntime(expectation.runtime) === undefined) {
    return { id, status: 'skipped', reasons: [`runtime ${expectation.runtime} is not supported yet`] };
  }
  const uncovered = uncoveredCauses(expectation);
  if (uncovered.length > 0) {
    return { id, status: 'skipped', reasons: [`causes not covered yet: ${uncovered.join(', ')}`] };
  }

  const args = [
    CLI,
    '--format',
    'json',
    '--runtime',
    expectation.runtime,
    '--arch',
    expectation.arch,
    '--handler',
    expectation.handler,
    '--today',
    today,
    '--kind',
    expectation.kind ?? 'function',
    ...expectation.layers.flatMap((layer) => ['--layer', join(folder, layer)]),
    join(folder, 'function.zip'),
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  const exitCode = run.status ?? -1;
  let findings: ReportedFinding[] = [];
  if (run.stdout.trim() !== '') {
    try {
      const report = JSON.parse(run.stdout) as { artifacts: Array<{ findings: ReportedFinding[] }> };
      findings = report.artifacts.flatMap((artifact) => artifact.findings);
    } catch {
      return { id, status: 'failed', reasons: [`output is not JSON (exit ${exitCode}): ${run.stderr.trim()}`] };
    }
  }
  if (exitCode === 3) {
    return { id, status: 'failed', reasons: [`lambda-lint failed: ${run.stderr.trim()}`] };
  }

  const reasons = judgeCase(expectation, exitCode, findings);
  return { id, status: reasons.length === 0 ? 'passed' : 'failed', reasons };
}

/** Lists the case folders directly below `directory`: those that contain an expect.json. */
export function listCaseFolders(directory: string): string[] {
  return readdirSync(directory)
    .map((name) => join(directory, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, 'expect.json')))
    .sort();
}

function main(argv: string[]): number {
  const todayIndex = argv.indexOf('--today');
  const today = todayIndex === -1 ? new Date().toISOString().slice(0, 10) : argv[todayIndex + 1];
  const directory = argv.find((argument, index) => !argument.startsWith('--') && argv[index - 1] !== '--today');
  if (directory === undefined || !existsSync(directory)) {
    process.stderr.write('usage: npm run cases -- DIR [--today YYYY-MM-DD]\n');
    return 2;
  }

  const results = listCaseFolders(directory).map((folder) => runCase(folder, today));
  for (const result of results) {
    const label = result.status.toUpperCase().replace('PASSED', 'PASS').replace('FAILED', 'FAIL').replace('SKIPPED', 'SKIP');
    const reasons = result.reasons.length > 0 ? `: ${result.reasons.join('; ')}` : '';
    process.stdout.write(`${label.padEnd(5)} ${result.id}${reasons}\n`);
  }

  const count = (status: CaseResult['status']): number => results.filter((result) => result.status === status).length;
  process.stdout.write(`cases: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped\n`);
  return count('failed') > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
