import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
let project: string;

/** A project folder with two packages under build/: a glibc 2.34 binary and a 0600 data file. */
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'lambda-lint-config-'));
  mkdirSync(join(project, 'build'));
  copyFileSync(resolve('fixtures/cases/pass-c-glibc234-al2023/function.zip'), join(project, 'build', 'api.zip'));
  copyFileSync(resolve('fixtures/cases/warn-data-file-0600/function.zip'), join(project, 'build', 'worker.zip'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function writeConfig(name: string, content: unknown): void {
  writeFileSync(join(project, name), JSON.stringify(content, null, 2));
}

describe('configuration file', () => {
  it('rejects an unknown key with exit 2, naming the key and the file', () => {
    writeConfig('lambda-lint.config.json', { runtme: 'provided.al2' });
    const result = runCli([...TODAY, 'build/api.zip'], {}, project);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('lambda-lint.config.json: unknown key "runtme" at /');
  });

  it('rejects a bad rule level, saying what was expected and where', () => {
    writeConfig('.lambdalintrc.json', { rules: { LL1007: 'fatal' } });
    const result = runCli([...TODAY, 'build/worker.zip'], {}, project);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('at /rules/LL1007: expected one of off, info, warning, error');
  });

  it('rejects an unknown runtime in an artifacts entry before any artifact matches it', () => {
    writeConfig('lambda-lint.config.json', { artifacts: [{ files: 'legacy/*.zip', runtime: 'python9' }] });
    const result = runCli([...TODAY, 'build/api.zip'], {}, project);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('lambda-lint.config.json: unknown runtime "python9" at /artifacts/0/runtime');
  });

  it('rejects invalid JSON', () => {
    writeFileSync(join(project, 'lambda-lint.config.json'), '{ "runtime": ');
    const result = runCli([...TODAY, 'build/api.zip'], {}, project);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });

  it('applies per-artifact settings by glob', () => {
    writeConfig('lambda-lint.config.json', { artifacts: [{ files: 'build/api.zip', runtime: 'provided.al2' }] });
    const api = runCli([...TODAY, 'build/api.zip'], {}, project);
    expect(api.status).toBe(1);
    expect(api.stdout).toContain('(provided.al2, x86_64)');
    expect(api.stdout).toContain('LL3006 glibc-version-too-new');

    const worker = runCli([...TODAY, 'build/worker.zip'], {}, project);
    expect(worker.stdout).toContain('(provided.al2023, x86_64)');
  });

  it('lets command-line options win over the configuration', () => {
    writeConfig('lambda-lint.config.json', { runtime: 'provided.al2' });
    const result = runCli([...TODAY, '--runtime', 'provided.al2023', 'build/api.zip'], {}, project);
    expect(result.status).toBe(0);
  });

  it('reads the lambdaLint key of package.json, found from a subfolder', () => {
    writeConfig('package.json', { name: 'app', lambdaLint: { rules: { 'file-not-readable': 'error' } } });
    const result = runCli([...TODAY, 'worker.zip'], {}, join(project, 'build'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL1007 file-not-readable');
  });

  it('sets rule levels with --rule by code or name', () => {
    const byName = runCli([...TODAY, '--rule', 'file-not-readable=off', 'build/worker.zip'], {}, project);
    expect(byName.stdout).not.toContain('LL1007');
    const byCode = runCli([...TODAY, '--rule', 'LL1007=error', 'build/worker.zip'], {}, project);
    expect(byCode.status).toBe(1);
    const unknown = runCli([...TODAY, '--rule', 'no-such-rule=off', 'build/worker.zip'], {}, project);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no rule with code or name "no-such-rule"');
  });

  it('prints the merged configuration', () => {
    writeConfig('lambda-lint.config.json', { runtime: 'provided.al2', rules: { LL1007: 'off' } });
    const result = runCli(['--print-config', '--arch', 'arm64'], {}, project);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { configFile: string; runtime: string; arch: string; rules: Record<string, string> };
    expect(printed.configFile).toBe(join(project, 'lambda-lint.config.json'));
    expect(printed.runtime).toBe('provided.al2');
    expect(printed.arch).toBe('arm64');
    expect(printed.rules.LL1007).toBe('off');
  });

  it('prints the settings each artifact gets from its artifacts entry', () => {
    writeConfig('lambda-lint.config.json', {
      runtime: 'provided.al2',
      artifacts: [{ files: 'build/api.zip', runtime: 'provided.al2023', arch: 'arm64', handler: 'api' }],
    });
    const result = runCli(['--print-config', 'build/api.zip', 'build/worker.zip'], {}, project);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { effective: Array<{ path: string; matchedArtifactsEntry: string | null; runtime: string; arch: string; handler: string | null }> };
    expect(printed.effective).toEqual([
      expect.objectContaining({ path: 'build/api.zip', matchedArtifactsEntry: 'build/api.zip', runtime: 'provided.al2023', arch: 'arm64', handler: 'api' }),
      expect.objectContaining({ path: 'build/worker.zip', matchedArtifactsEntry: null, runtime: 'provided.al2', arch: 'x86_64', handler: null }),
    ]);
  });
});

describe('ignores', () => {
  it('suppresses a matching finding and requires a reason', () => {
    writeConfig('lambda-lint.config.json', {
      ignores: [{ rule: 'file-not-readable', artifact: 'build/worker.zip', entry: 'config/*.json', reason: 'read only by the owner-run job' }],
    });
    const result = runCli([...TODAY, '--format', 'json', 'build/worker.zip'], {}, project);
    const report = JSON.parse(result.stdout) as {
      counts: { warning: number };
      artifacts: Array<{ suppressedFindings: Array<{ ruleId: string; suppression: { reason: string } }> }>;
    };
    expect(report.counts.warning).toBe(0);
    expect(report.artifacts[0].suppressedFindings[0].ruleId).toBe('LL1007');
    expect(report.artifacts[0].suppressedFindings[0].suppression.reason).toBe('read only by the owner-run job');

    writeConfig('lambda-lint.config.json', { ignores: [{ rule: 'LL1007' }] });
    const missingReason = runCli([...TODAY, 'build/worker.zip'], {}, project);
    expect(missingReason.status).toBe(2);
    expect(missingReason.stderr).toContain('missing key "reason" at /ignores/0');
  });

  it('reports an ignore that matched nothing', () => {
    writeConfig('lambda-lint.config.json', { ignores: [{ rule: 'LL3006', artifact: 'build/*.zip', reason: 'old binaries' }] });
    const quiet = runCli([...TODAY, 'build/api.zip'], {}, project);
    expect(quiet.status).toBe(0);

    const reported = runCli([...TODAY, '--report-unused-ignores', 'build/api.zip'], {}, project);
    expect(reported.status).toBe(1);
    expect(reported.stderr).toContain('unused ignore: rule LL3006 artifact build/*.zip ("old binaries") matched no finding');
  });

  it('writes suppressed findings into SARIF only when asked', () => {
    writeConfig('lambda-lint.config.json', { ignores: [{ rule: 'LL1007', reason: 'known' }] });
    const plain = JSON.parse(runCli([...TODAY, '--format', 'sarif', 'build/worker.zip'], {}, project).stdout) as {
      runs: Array<{ results: Array<{ suppressions?: unknown[] }> }>;
    };
    expect(plain.runs[0].results).toHaveLength(0);

    const included = JSON.parse(runCli([...TODAY, '--format', 'sarif', '--include-suppressed', 'build/worker.zip'], {}, project).stdout) as {
      runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string; justification: string }> }> }>;
    };
    expect(included.runs[0].results[0].suppressions).toEqual([{ kind: 'external', justification: 'known' }]);
  });
});
