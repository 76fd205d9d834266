import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.js';

/**
 * A real, large dynamically linked program as bootstrap: this machine's `node` executable. The
 * official Node.js builds for Linux need GLIBC_2.28, which Amazon Linux 2 (glibc 2.26) lacks and
 * Amazon Linux 2023 (glibc 2.34) has.
 */

const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-node-'));
const zipPath = join(scratch, 'node-function.zip');

function highestGlibcNeed(path: string): string | null {
  const result = spawnSync('readelf', ['-V', '-W', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const versions = [...(result.stdout ?? '').matchAll(/Name: GLIBC_(\d+)\.(\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
  if (versions.length === 0) {
    return null;
  }
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [major, minor] = versions[versions.length - 1];
  return `GLIBC_${major}.${minor}`;
}

const nodeNeed = highestGlibcNeed(process.execPath);
const zipAvailable = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!zipAvailable || nodeNeed !== 'GLIBC_2.28')('node executable as bootstrap', () => {
  beforeAll(() => {
    const staging = join(scratch, 'package');
    spawnSync('mkdir', ['-p', staging]);
    copyFileSync(process.execPath, join(staging, 'bootstrap'));
    chmodSync(join(staging, 'bootstrap'), 0o755);
    const zipped = spawnSync('zip', ['-q', '-1', '-X', zipPath, 'bootstrap'], { cwd: staging });
    expect(zipped.status).toBe(0);
  }, 120_000);

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('fails on provided.al2 for its GLIBC_2.28 need', () => {
    const result = runCli(['--today', '2026-12-04', '--runtime', 'provided.al2', '--no-color', zipPath]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL3006 glibc-version-too-new  bootstrap');
    expect(result.stdout).toContain("version `GLIBC_2.28' not found (required by /var/task/bootstrap)");
    expect(result.stdout).toContain('It runs on provided.al2023 (GLIBC_2.34).');
  });

  it('passes on provided.al2023', () => {
    const result = runCli(['--today', '2026-12-04', '--runtime', 'provided.al2023', '--no-color', zipPath]);
    expect(result.stdout).toContain('entrypoint: bootstrap  ELF 64-bit x86-64, dynamic, needs GLIBC_2.28');
    expect(result.stdout).toContain('0 errors');
    expect(result.status).toBe(0);
  });
});
