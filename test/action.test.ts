import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';

import { fixtureZip } from './support/cli.js';

/**
 * These tests run action/run.sh the way the composite action in action.yml does: with INPUT_*
 * variables and the runner's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, here temporary files.
 */

const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-action-'));
const FAILING = fixtureZip('fail-c-glibc234-al2');
const WARNING_ONLY = fixtureZip('warn-data-file-0600');
const CLEAN = fixtureZip('pass-rust-static-pie-al2023');

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Lines written to GITHUB_OUTPUT, as name to value. */
  outputs: Record<string, string>;
  /** What was appended to GITHUB_STEP_SUMMARY. */
  summary: string;
}

let runCount = 0;

/** Runs action/run.sh with `inputs` as INPUT_* variables; every run pins the lifecycle date. */
function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  runCount += 1;
  const outputFile = join(scratch, `output-${runCount}`);
  const summaryFile = join(scratch, `summary-${runCount}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_') && !name.startsWith('GITHUB_') && name !== 'FORCE_COLOR'),
  );
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replaceAll('-', '_')}`, value]));
  inputEnv.INPUT_ARGS = [inputEnv.INPUT_ARGS ?? '', '--today 2026-12-04'].join(' ').trim();

  const result = spawnSync('bash', ['action/run.sh'], {
    encoding: 'utf8',
    env: { ...baseEnv, ...inputEnv, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env },
  });

  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

/** Writes a stand-in CLI that records its arguments as JSON lines, to check what run.sh passes. */
function recordingCli(): { cli: string; calls: () => string[][] } {
  runCount += 1;
  const log = join(scratch, `calls-${runCount}.jsonl`);
  const cli = join(scratch, `recording-cli-${runCount}.mjs`);
  writeFileSync(cli, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
  return {
    cli,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}

describe('action.yml', () => {
  const text = readFileSync('action.yml', 'utf8');
  const lines = text.split('\n');

  /** Names of the `inputs:` keys: two-space-indented keys up to the next top-level key. */
  function declaredInputs(): string[] {
    const start = lines.indexOf('inputs:');
    const names: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (/^\S/.test(line)) {
        break;
      }
      const match = /^ {2}([a-z][a-z-]*):$/.exec(line);
      if (match !== null) {
        names.push(match[1]);
      }
    }
    return names;
  }

  it('is a composite action', () => {
    expect(lines).toContain('  using: composite');
  });

  it('declares the documented inputs', () => {
    expect(declaredInputs()).toEqual(['paths', 'template', 'runtime', 'arch', 'format', 'fail-level', 'sarif-file', 'category', 'config', 'args']);
  });

  it('passes every input to run.sh', () => {
    const mapped = new Map<string, string>();
    for (const line of lines) {
      const match = /^\s+(INPUT_[A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$/.exec(line);
      if (match !== null) {
        mapped.set(match[2], match[1]);
      }
    }

    for (const input of declaredInputs()) {
      expect(mapped.get(input)).toBe(`INPUT_${input.toUpperCase().replaceAll('-', '_')}`);
    }
  });

  it('builds before it runs run.sh', () => {
    const build = text.indexOf('npm run build');
    const run = text.indexOf('run: bash "$GITHUB_ACTION_PATH/action/run.sh"');

    expect(text).toContain('npm ci --ignore-scripts');
    expect(build).toBeGreaterThan(0);
    expect(run).toBeGreaterThan(build);
  });

  it('defaults to github format and error level', () => {
    expect(text).toMatch(/ {2}format:\n(?: {4}.*\n)*? {4}default: github\n/);
    expect(text).toMatch(/ {2}fail-level:\n(?: {4}.*\n)*? {4}default: error\n/);
  });
});

describe('action run.sh', () => {
  it('annotates errors and fails at error level', () => {
    const run = runAction({ paths: FAILING, runtime: 'provided.al2' });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error file=${FAILING},title=LL3006 glibc-version-too-new (bootstrap)::`);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.summary).toContain('## lambda-lint');
    expect(run.summary).toContain('| error | LL3006 glibc-version-too-new |');
  });

  it('passes warnings at error level', () => {
    const run = runAction({ paths: WARNING_ONLY });

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('::warning file=');
    expect(run.outputs['exit-code']).toBe('0');
  });

  it('fails warnings at warning level', () => {
    const run = runAction({ paths: WARNING_ONLY, 'fail-level': 'warning' });

    expect(run.status).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
  });

  it('passes a clean package at warning level', () => {
    const run = runAction({ paths: CLEAN, 'fail-level': 'warning' });

    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('passes errors at never level', () => {
    const run = runAction({ paths: FAILING, runtime: 'provided.al2', 'fail-level': 'never' });

    expect(run.status).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toContain('::error file=');
    expect(run.stdout).toContain('::notice title=lambda-lint::lambda-lint failed the check; the step passes because fail-level is never');
  });

  it('fails an unreadable input at never level', () => {
    const run = runAction({ paths: join(scratch, 'missing.zip'), 'fail-level': 'never' });

    expect(run.status).toBe(2);
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('rejects an unknown fail-level', () => {
    const run = runAction({ paths: CLEAN, 'fail-level': 'sometimes' });

    expect(run.status).toBe(2);
    expect(run.stdout.trim()).toBe('::error title=lambda-lint::invalid fail-level "sometimes": use error, warning or never');
  });

  it('writes a valid SARIF file', () => {
    const sarifFile = join(scratch, 'lambda-lint.sarif');
    const run = runAction({ paths: FAILING, runtime: 'provided.al2', 'sarif-file': sarifFile });

    expect(run.status).toBe(1);
    expect(run.outputs['sarif-file']).toBe(sarifFile);

    const schema = JSON.parse(readFileSync('test/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };

    expect(validate(log)).toBe(true);
    expect(log.runs[0].results.map((result) => result.ruleId)).toContain('LL3006');
  });

  it('fails when the SARIF file cannot be written', () => {
    const sarifFile = join(scratch, 'no-such-folder', 'lambda-lint.sarif');
    const run = runAction({ paths: CLEAN, 'sarif-file': sarifFile });

    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`::error title=lambda-lint::writing the SARIF report to ${sarifFile} failed with exit code 2`);
    expect(run.outputs['sarif-file']).toBeUndefined();
  });

  it('sets sarif-file for an unreadable input', () => {
    const sarifFile = join(scratch, 'unreadable.sarif');
    const missing = join(scratch, 'missing.zip');
    const run = runAction({ paths: missing, 'sarif-file': sarifFile });
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
      runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }>;
    };
    const invocation = log.runs[0].invocations[0];

    expect(run.status).toBe(2);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.outputs['sarif-file']).toBe(sarifFile);
    expect(run.stdout).not.toContain('writing the SARIF report');
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications.map((notification) => notification.message.text).join('\n')).toContain(missing);
  });

  it('fails an unreadable input with a SARIF file at never level', () => {
    const sarifFile = join(scratch, 'unreadable-never.sarif');
    const run = runAction({ paths: join(scratch, 'missing.zip'), 'sarif-file': sarifFile, 'fail-level': 'never' });

    expect(run.status).toBe(2);
    expect(run.outputs['sarif-file']).toBe(sarifFile);
  });

  it('ignores a SARIF file left by an earlier run', () => {
    const sarifFile = join(scratch, 'stale.sarif');
    writeFileSync(sarifFile, '{"version": "2.1.0", "runs": []}\n');
    const run = runAction({ paths: CLEAN, config: join(scratch, 'no-such-config.json'), 'sarif-file': sarifFile });

    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`::error title=lambda-lint::writing the SARIF report to ${sarifFile} failed with exit code 2`);
    expect(run.outputs['sarif-file']).toBeUndefined();
    expect(existsSync(sarifFile)).toBe(false);
  });

  it('honours the format input', () => {
    const run = runAction({ paths: CLEAN, format: 'json' });
    const report = JSON.parse(run.stdout) as { artifacts: unknown[] };

    expect(run.status).toBe(0);
    expect(report.artifacts).toHaveLength(1);
    expect(run.summary).toBe('');
  });

  it('lints every path of a multi-line input', () => {
    const run = runAction({ paths: `${CLEAN}\n${WARNING_ONLY}  ${FAILING}`, runtime: 'provided.al2', format: 'json' });
    const report = JSON.parse(run.stdout) as { artifacts: Array<{ path: string }> };

    expect(report.artifacts.map((artifact) => artifact.path)).toEqual([CLEAN, WARNING_ONLY, FAILING]);
  });
});

describe('action run.sh arguments', () => {
  it('passes --template only when set', () => {
    const withTemplate = recordingCli();
    runAction({ template: 'template.yaml' }, { LAMBDA_LINT_CLI: withTemplate.cli });
    const without = recordingCli();
    runAction({ paths: CLEAN }, { LAMBDA_LINT_CLI: without.cli });

    expect(withTemplate.calls()[0]).toEqual(['--format', 'github', '--template', 'template.yaml', '--today', '2026-12-04']);
    expect(without.calls()[0]).not.toContain('--template');
  });

  it('annotates a usage error with its reason', () => {
    const run = runAction({ paths: 'build/*.zip', runtime: 'nodejs99.x' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('::error title=lambda-lint::unknown runtime "nodejs99.x"');
  });

  it('escapes % in the annotation of a usage error', () => {
    const run = runAction({ paths: 'build/*.zip', runtime: 'node%0A::warning::x' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('::error title=lambda-lint::unknown runtime "node%250A::warning::x"');
    expect(run.stdout.split('\n').some((line) => line.startsWith('::warning::'))).toBe(false);
  });

  it('rejects args that would change the format or the output file', () => {
    const run = runAction({ paths: 'build/*.zip', args: '--format json' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('::error title=lambda-lint::args must not contain --format; use the format and sarif-file inputs');
  });

  it('maps every input to its option', () => {
    const recorder = recordingCli();
    runAction(
      {
        paths: 'build/*.zip',
        runtime: 'provided.al2',
        arch: 'arm64',
        format: 'text',
        'fail-level': 'warning',
        config: 'ci/lambda-lint.json',
        args: '--handler index.handler',
        'sarif-file': 'out.sarif',
      },
      { LAMBDA_LINT_CLI: recorder.cli },
    );
    const common = ['--runtime', 'provided.al2', '--arch', 'arm64', '--config', 'ci/lambda-lint.json', '--handler', 'index.handler', '--today', '2026-12-04'];

    expect(recorder.calls()).toEqual([
      ['--format', 'text', '--max-warnings', '0', ...common, '--', 'build/*.zip'],
      ['--format', 'sarif', '--sarif-category', 'lambda-lint/lint', '--output', 'out.sarif', ...common, '--', 'build/*.zip'],
    ]);
  });

  it('writes the SARIF category from the category input, or from the job id', () => {
    const named = recordingCli();
    runAction({ paths: 'build/*.zip', 'sarif-file': 'out.sarif', category: 'lambda-lint/orders' }, { LAMBDA_LINT_CLI: named.cli });
    expect(named.calls()[1].slice(0, 4)).toEqual(['--format', 'sarif', '--sarif-category', 'lambda-lint/orders']);

    const byJob = recordingCli();
    runAction({ paths: 'build/*.zip', 'sarif-file': 'out.sarif' }, { LAMBDA_LINT_CLI: byJob.cli, GITHUB_JOB: 'package' });
    expect(byJob.calls()[1].slice(0, 4)).toEqual(['--format', 'sarif', '--sarif-category', 'lambda-lint/package']);
  });

  it('runs with no path when paths is empty', () => {
    const recorder = recordingCli();
    runAction({}, { LAMBDA_LINT_CLI: recorder.cli });

    expect(recorder.calls()).toEqual([['--format', 'github', '--today', '2026-12-04']]);
  });
});
