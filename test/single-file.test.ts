import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';

import { lint } from '../src/index.js';
import type { LintReport } from '../src/report.js';
import { runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
const GLIBC_234_BINARY = 'fixtures/bin/hello-glibc234-x86_64';
const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-single-file-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Copies a fixture binary to `target/lambda/<name>/bootstrap` under the scratch folder with `mode`. */
function builtBootstrap(fixture: string, name: string, mode: number): string {
  const folder = join(scratch, 'target', 'lambda', name);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'bootstrap');
  copyFileSync(fixture, path);
  chmodSync(path, mode);
  return path;
}

function ruleNames(report: LintReport): string[] {
  return report.artifacts[0].findings.map((finding) => finding.ruleName);
}

describe('single ELF file as bootstrap', () => {
  it('fails a GLIBC_2.34 binary on provided.al2', () => {
    const path = builtBootstrap(GLIBC_234_BINARY, 'al2', 0o755);
    const result = runCli([...TODAY, '--no-color', '--runtime', 'provided.al2', path]);

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('linted as bootstrap');
    expect(result.stdout).toContain('LL3006 glibc-version-too-new  bootstrap');
    expect(result.stdout).toContain('needs GLIBC_2.34');
    expect(result.stderr).toBe('');
  });

  it('passes the same binary on provided.al2023', () => {
    const path = builtBootstrap(GLIBC_234_BINARY, 'al2023', 0o755);
    const result = runCli([...TODAY, '--no-color', '--runtime', 'provided.al2023', path]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('linted as bootstrap');
    expect(result.stdout).toContain('entrypoint: bootstrap  ELF 64-bit x86-64, dynamic, needs GLIBC_2.34');
    expect(result.stdout).toContain('No problems found.');
  });

  it('reports a 0644 copy as not executable', () => {
    const path = builtBootstrap(GLIBC_234_BINARY, 'mode-0644', 0o644);
    const result = runCli([...TODAY, '--format', 'json', path]);
    const report = JSON.parse(result.stdout) as LintReport;

    expect(result.status).toBe(1);
    expect(ruleNames(report)).toEqual(['bootstrap-not-executable']);
    expect(report.artifacts[0].entries[0].mode).toBe('0644');
    expect(report.artifacts[0].findings[0].fix).toContain(`chmod 755 ${path}`);
  });

  it('lints a #! script as the bootstrap', () => {
    const folder = join(scratch, 'script');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'bootstrap');
    writeFileSync(path, '#!/bin/sh\r\nexec ./handler\r\n');
    chmodSync(path, 0o755);
    const result = runCli([...TODAY, '--format', 'json', path]);
    const report = JSON.parse(result.stdout) as LintReport;

    expect(report.artifacts[0].kind).toBe('file');
    expect(ruleNames(report)).toContain('script-crlf');
  });

  it('reports an aarch64 binary on x86_64 as the wrong machine', () => {
    const path = builtBootstrap('fixtures/bin/hello-glibc234-aarch64', 'aarch64', 0o755);
    const result = runCli([...TODAY, '--format', 'json', '--runtime', 'provided.al2023', path]);
    const report = JSON.parse(result.stdout) as LintReport;

    expect(result.status).toBe(1);
    expect(ruleNames(report)).toContain('elf-wrong-machine');
  });

  it('describes the package as one bootstrap entry in JSON', () => {
    const result = runCli([...TODAY, '--format', 'json', 'fixtures/bin/rust-static-pie-x86_64']);
    const report = JSON.parse(result.stdout) as LintReport;
    const artifact = report.artifacts[0];
    const schema = JSON.parse(readFileSync('docs/report.schema.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

    expect(result.status).toBe(0);
    expect(validate(report)).toBe(true);
    expect(artifact.kind).toBe('file');
    expect(artifact.entrypoint).toBe('/var/task/bootstrap');
    expect(artifact.entries).toHaveLength(1);
    expect(artifact.entries[0].name).toBe('bootstrap');
    expect(artifact.entries[0].mode).toBe('0755');
    expect(artifact.entries[0].format).toBe('elf');
  });

  it('reports kind file through the library', async () => {
    const report = await lint([GLIBC_234_BINARY], { runtime: 'provided.al2', now: new Date('2026-12-04T00:00:00Z') });

    expect(report.artifacts[0].kind).toBe('file');
    expect(report.artifacts[0].inputError).toBeNull();
    expect(ruleNames(report)).toContain('glibc-version-too-new');
  });
});

describe('single file that is not ELF', () => {
  it('keeps exit 2 and one "not a zip" line for text', () => {
    const path = join(scratch, 'notes.txt');
    writeFileSync(path, 'not a package\n');
    const result = runCli([path]);

    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not a zip file');
  });

  it('treats a file cut inside the ELF magic as no package', () => {
    const path = join(scratch, 'three-bytes');
    writeFileSync(path, Buffer.from([0x7f, 0x45, 0x4c]));
    const result = runCli([path]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('not a zip file');
  });
});
