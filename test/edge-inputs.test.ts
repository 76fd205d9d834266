import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fixtureZip, runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-inputs-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function ruleNames(stdout: string): string[] {
  const report = JSON.parse(stdout) as { artifacts: Array<{ findings: Array<{ ruleName: string }> }> };
  return report.artifacts[0].findings.map((finding) => finding.ruleName);
}

describe('single files', () => {
  it('takes a single executable only as the function, never as a layer', () => {
    mkdirSync(join(scratch, 'function'));
    writeFileSync(join(scratch, 'function', 'readme.txt'), 'notes\n');
    const result = runCli([...TODAY, '--layer', 'fixtures/bin/hello-glibc234-x86_64', join(scratch, 'function')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('layer fixtures/bin/hello-glibc234-x86_64: not a zip file');
  });

  it('lints a Mach-O single file', () => {
    spawnSync('unzip', ['-q', fixtureZip('fail-macho-x86_64'), '-d', scratch]);
    const result = runCli([...TODAY, '--format', 'json', join(scratch, 'bootstrap')]);
    expect(result.status).toBe(1);
    expect(ruleNames(result.stdout)).toContain('bootstrap-not-linux-executable');
  });
});

describe('.NET packages linted without --runtime', () => {
  it('does not offer an assembly as the misnamed bootstrap', () => {
    const result = runCli([...TODAY, '--format', 'json', fixtureZip('pass-dotnet10-managed-assemblies')]);
    expect(ruleNames(result.stdout)).toEqual(['missing-bootstrap']);
  });
});

describe('templates', () => {
  it('rejects a YAML alias bomb with exit 2 and one line', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      lines.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`);
      previous = name;
    }
    lines.push('Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    Properties:', '      CodeUri: *i');
    const template = join(scratch, 'bomb.yaml');
    writeFileSync(template, `${lines.join('\n')}\n`);

    const result = runCli([...TODAY, '--template', template]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('is not valid YAML');
  });
});

describe('hook install', () => {
  it('ends with one line and exit 2 when the hook cannot be written', () => {
    spawnSync('git', ['init', '--quiet', '.'], { cwd: scratch });
    writeFileSync(join(scratch, 'not-a-folder'), '');
    spawnSync('git', ['config', 'core.hooksPath', 'not-a-folder/hooks'], { cwd: scratch });
    copyFileSync(fixtureZip('pass-rust-static-pie-al2023'), join(scratch, 'function.zip'));
    chmodSync(join(scratch, 'function.zip'), 0o644);

    const result = runCli(['hook', 'install', 'function.zip'], {}, scratch);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot write');
  });
});
