import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The built CLI; `npm test` builds it before vitest runs. */
export const CLI_PATH = resolve('dist/bin/lambda-lint.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args`; the environment has no colour settings unless `env` adds them. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  const baseEnv = { ...process.env };
  delete baseEnv.FORCE_COLOR;
  delete baseEnv.NO_COLOR;

  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    encoding: 'utf8',
    env: { ...baseEnv, ...env },
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Path of a fixture case's function.zip. */
export function fixtureZip(caseId: string): string {
  return `fixtures/cases/${caseId}/function.zip`;
}
