import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeArtifact } from '../src/analysis/analyze-artifact.js';
import { assessCompatibility } from '../src/analysis/compatibility.js';
import { modelForRuntime } from '../src/analysis/variant.js';
import { openZipArchive } from '../src/archive/zip-archive.js';
import { runRules, runRulesTracked } from '../src/engine/run-rules.js';
import { RULES } from '../src/index.js';
import { findRuntime, listRuntimes, type Architecture } from '../src/runtimes/runtime.js';
import { fixtureZip, runCli } from './support/cli.js';

/**
 * The reading and rule-running shortcuts that keep large packages fast must give the same results as
 * the plain way. These tests compare both over every fixture.
 */

interface Expectation {
  runtime: string;
  arch: Architecture;
  kind?: 'function' | 'layer';
}

const cases = readdirSync('fixtures/cases').filter((id) => id !== 'fail-not-a-zip');

function expectationOf(id: string): Expectation {
  return JSON.parse(readFileSync(`fixtures/cases/${id}/expect.json`, 'utf8')) as Expectation;
}

/** Computes the compatibility summary the plain way: every rule on every runtime of the family. */
function plainCompatibility(model: Awaited<ReturnType<typeof analyzeArtifact>>): Array<{ runtime: string; architecture: string; starts: boolean }> {
  const startRules = RULES.filter((rule) => rule.deploymentOnly !== true);
  const results: Array<{ runtime: string; architecture: string; starts: boolean }> = [];
  for (const runtime of listRuntimes().filter((candidate) => candidate.family === model.settings.runtime.family)) {
    for (const architecture of Object.keys(runtime.architectures) as Architecture[]) {
      const findings = runRules(modelForRuntime(model, runtime, architecture), startRules, new Map());
      const starts = !findings.some((finding) => finding.severity === 'error' || finding.blocksStart === true);
      results.push({ runtime: runtime.id, architecture, starts });
    }
  }
  return results;
}

describe('compatibility summary', () => {
  it('reuses only findings that are the same on every runtime', async () => {
    const differences: string[] = [];
    for (const id of cases) {
      const expectation = expectationOf(id);
      const runtime = findRuntime(expectation.runtime);
      if (runtime === undefined) {
        throw new Error(`${id}: unknown runtime ${expectation.runtime}`);
      }
      const settings = { kind: expectation.kind ?? 'function', runtime, architecture: expectation.arch, handler: null, now: new Date('2026-12-04T00:00:00Z') } as const;
      const model = await analyzeArtifact(fixtureZip(id), [], settings);
      if (model.archiveError !== null) {
        continue;
      }

      const fast = assessCompatibility(model, RULES, new Map(), runRulesTracked(model, RULES, new Map(), true)).map(({ runtime: id, architecture, starts }) => ({ runtime: id, architecture, starts }));
      const plain = plainCompatibility(model);
      if (JSON.stringify(fast) !== JSON.stringify(plain)) {
        differences.push(`${id}: ${JSON.stringify(fast)} vs ${JSON.stringify(plain)}`);
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);
});

describe('head prefetch', () => {
  it('gives every entry the same first bytes as reading it alone', async () => {
    const differences: string[] = [];
    let compared = 0;
    for (const id of cases) {
      const single = await openZipArchive(fixtureZip(id)).catch(() => null);
      if (single === null) {
        continue;
      }
      const alone = new Map<string, string>();
      for (const entry of single.entries) {
        alone.set(`${entry.index}`, await headText(() => single.readHead(entry, 512)));
      }
      single.close();

      const batched = await openZipArchive(fixtureZip(id));
      batched.prefetchHeads?.(512, () => true);
      for (const entry of batched.entries) {
        const head = await headText(() => batched.readHead(entry, 512));
        compared += 1;
        if (head !== alone.get(`${entry.index}`)) {
          differences.push(`${id}!${entry.name}`);
        }
      }
      batched.close();
    }
    expect(compared).toBeGreaterThan(cases.length);
    expect(differences).toEqual([]);
  }, 120_000);
});

async function headText(read: () => Promise<Buffer>): Promise<string> {
  try {
    return (await read()).toString('hex');
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('content reading', () => {
  it('skips the bytes of non-executable source files and reads executable ones', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lambda-lint-skip-'));
    try {
      mkdirSync(join(folder, 'lib'));
      copyFileSync('fixtures/bin/hello-glibc234-x86_64', join(folder, 'bootstrap'));
      chmodSync(join(folder, 'bootstrap'), 0o755);
      copyFileSync('fixtures/bin/hello-glibc234-x86_64', join(folder, 'lib', 'plain.js'));
      chmodSync(join(folder, 'lib', 'plain.js'), 0o644);
      copyFileSync('fixtures/bin/hello-glibc234-x86_64', join(folder, 'lib', 'tool.js'));
      chmodSync(join(folder, 'lib', 'tool.js'), 0o755);
      copyFileSync('fixtures/bin/hello-glibc234-x86_64', join(folder, 'lib', 'data.bin'));
      chmodSync(join(folder, 'lib', 'data.bin'), 0o644);

      const result = runCli(['--today', '2026-12-04', '--format', 'json', folder]);
      const report = JSON.parse(result.stdout) as { artifacts: Array<{ entries: Array<{ name: string; format: string | null }> }> };
      const formats = Object.fromEntries(report.artifacts[0].entries.map((entry) => [entry.name, entry.format]));
      expect(formats['lib/plain.js']).toBeNull();
      expect(formats['lib/tool.js']).toBe('elf');
      expect(formats['lib/data.bin']).toBe('elf');
      expect(formats.bootstrap).toBe('elf');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
