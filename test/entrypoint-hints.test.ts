import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lambda-lint-hints-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface JsonReport {
  artifacts: Array<{ findings: Array<{ ruleName: string; message: string; fix: string }> }>;
}

function lintFolder(args: string[] = []): JsonReport {
  const result = runCli(['--today', '2026-12-04', '--format', 'json', ...args, folder]);
  return JSON.parse(result.stdout) as JsonReport;
}

describe('a package without bootstrap', () => {
  it('does not offer a data file named bootstrap.json as the misnamed bootstrap', () => {
    writeFileSync(join(folder, 'bootstrap.json'), '{}\n');
    const findings = lintFolder().artifacts[0].findings;
    expect(findings.map((finding) => finding.ruleName)).toEqual(['missing-bootstrap']);
  });

  it('offers an executable named bootstrap.bin as the misnamed bootstrap', () => {
    copyFileSync('fixtures/bin/hello-glibc234-x86_64', join(folder, 'bootstrap.bin'));
    chmodSync(join(folder, 'bootstrap.bin'), 0o755);
    const findings = lintFolder().artifacts[0].findings;
    expect(findings.map((finding) => finding.ruleName)).toEqual(['misnamed-bootstrap']);
  });

  it('hints the Node.js runtime', () => {
    writeFileSync(join(folder, 'package.json'), '{ "name": "orders", "type": "module" }\n');
    writeFileSync(join(folder, 'index.mjs'), 'export const handler = async () => ({ ok: true });\n');
    const missing = lintFolder().artifacts[0].findings.find((finding) => finding.ruleName === 'missing-bootstrap');
    expect(missing?.message).toContain("as a Node.js function's package does");
    expect(missing?.fix).toContain('--runtime nodejs22.x --handler index.handler');
  });

  it('gives a Rust package no managed-runtime hint', () => {
    writeFileSync(join(folder, 'Cargo.toml'), '[package]\nname = "orders"\n');
    const missing = lintFolder().artifacts[0].findings.find((finding) => finding.ruleName === 'missing-bootstrap');
    expect(missing?.fix.startsWith('Build the executable as `bootstrap`')).toBe(true);
  });
});
