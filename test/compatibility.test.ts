import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lambda-lint-compatibility-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface CompatibilityJson {
  artifacts: Array<{ compatibility: Array<{ runtime: string; architecture: string; starts: boolean; unconfirmed: string[] }>; compatibilitySummary: string }>;
}

describe('compatibility summary', () => {
  it('marks an unknown interpreter unconfirmed', () => {
    writeFileSync(join(folder, 'bootstrap'), '#!/bin/zsh\nexec ./handler\n');
    chmodSync(join(folder, 'bootstrap'), 0o755);

    const result = runCli(['--today', '2026-12-04', '--format', 'json', folder]);
    const artifact = (JSON.parse(result.stdout) as CompatibilityJson).artifacts[0];
    const al2023 = artifact.compatibility.find((entry) => entry.runtime === 'provided.al2023' && entry.architecture === 'x86_64');

    expect(al2023?.starts).toBe(true);
    expect(al2023?.unconfirmed).toEqual(['bootstrap: script-interpreter-missing (/bin/zsh)']);
    expect(artifact.compatibilitySummary).toContain('provided.al2023 (x86_64, arm64; unconfirmed: bootstrap: script-interpreter-missing (/bin/zsh))');
  });

  it('adds no condition for sh', () => {
    writeFileSync(join(folder, 'bootstrap'), '#!/bin/sh\nexec ./handler\n');
    chmodSync(join(folder, 'bootstrap'), 0o755);

    const result = runCli(['--today', '2026-12-04', '--format', 'json', folder]);
    const artifact = (JSON.parse(result.stdout) as CompatibilityJson).artifacts[0];

    expect(artifact.compatibility.every((entry) => entry.unconfirmed.length === 0)).toBe(true);
    expect(artifact.compatibilitySummary).not.toContain('unconfirmed');
  });
});
