import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { fixtureZip, runCli } from './support/cli.js';

/** The OASIS SARIF 2.1.0 schema (draft-04), copied from @microsoft/jest-sarif; see test/schemas/README.md. */
const schema = JSON.parse(readFileSync('test/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
// The schema's patterns use escapes that JavaScript rejects in Unicode mode, hence unicodeRegExp: false.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const TODAY = ['--today', '2026-12-04'];
const zipAvailable = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; name: string; helpUri?: string; help: { markdown: string } }> } };
    automationDetails: { id: string };
    artifacts: Array<{ location: { uri: string }; parentIndex?: number }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: Array<{ fullyQualifiedName: string }> }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

function sarifFor(args: string[]): SarifLog {
  const result = runCli([...TODAY, '--format', 'sarif', ...args]);
  return JSON.parse(result.stdout) as SarifLog;
}

describe('SARIF output', () => {
  const cases = readdirSync('fixtures/cases').filter((id) => id !== 'fail-not-a-zip');

  it('validates against the SARIF 2.1.0 schema for every fixture', () => {
    const invalid: string[] = [];
    for (const id of cases) {
      const expectation = JSON.parse(readFileSync(`fixtures/cases/${id}/expect.json`, 'utf8')) as { runtime: string; arch: string; kind?: string };
      const log: unknown = sarifFor(['--runtime', expectation.runtime, '--arch', expectation.arch, '--kind', expectation.kind ?? 'function', fixtureZip(id)]);
      if (!validate(log)) {
        invalid.push(`${id}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      }
    }
    expect(invalid).toEqual([]);
  }, 300_000);

  it('describes every rule with help and links results to them', () => {
    const log = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('lambda-lint');
    expect(run.tool.driver.rules.length).toBeGreaterThan(40);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.tool.driver.rules.find((rule) => rule.id === 'LL3006')?.help.markdown).toContain('## What Lambda does');
  });

  it('locates a finding in the zip and its entry', () => {
    const log = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')]);
    const result = log.runs[0].results.find((candidate) => candidate.ruleId === 'LL3006');
    expect(result?.level).toBe('error');
    expect(result?.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/cases/fail-c-openssl3-al2/function.zip');
    expect(result?.locations[0].logicalLocations[0].fullyQualifiedName).toBe('function.zip!/bootstrap');
    expect(log.runs[0].artifacts.some((artifact) => artifact.location.uri === 'bootstrap' && artifact.parentIndex === 0)).toBe(true);
    expect(result?.message.text.startsWith('bootstrap needs GLIBC_2.34 from libc.so.6')).toBe(true);
  });

  it.skipIf(!zipAvailable)('gives two builds of the same broken package the same fingerprints', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-sarif-'));
    try {
      const zips: string[] = [];
      for (const [folder, time] of [
        ['build-1', new Date('2026-01-01T10:00:00Z')],
        ['build-2', new Date('2026-06-30T18:30:00Z')],
      ] as const) {
        mkdirSync(join(scratch, folder));
        const bootstrap = join(scratch, folder, 'bootstrap');
        copyFileSync('fixtures/bin/hello-glibc234-x86_64', bootstrap);
        chmodSync(bootstrap, 0o755);
        utimesSync(bootstrap, time, time);
        const zipped = spawnSync('zip', ['-q', 'function.zip', 'bootstrap'], { cwd: join(scratch, folder) });
        expect(zipped.status).toBe(0);
        zips.push(join(scratch, folder, 'function.zip'));
      }
      expect(readFileSync(zips[0]).equals(readFileSync(zips[1]))).toBe(false);

      const fingerprints = (path: string): string[] =>
        sarifFor(['--runtime', 'provided.al2', path]).runs[0].results.map((result) => result.partialFingerprints['lambdaLint/v1']);
      const first = fingerprints(zips[0]);
      expect(first.length).toBeGreaterThan(0);
      expect(fingerprints(zips[1])).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('names the artifact set in automationDetails', () => {
    const log = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-c-glibc234-al2')]);
    expect(log.runs[0].automationDetails.id).toBe('lambda-lint/function.zip/');
  });
});

