import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { RULES, lint } from '../src/index.js';
import { formatSarif } from '../src/format/sarif.js';
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
      const bootstrap = join(scratch, 'bootstrap');
      const zip = join(scratch, 'function.zip');
      const fingerprints: string[][] = [];
      const bytes: Buffer[] = [];

      // Build the same package twice in the same place, a few months apart: the zip bytes differ.
      for (const time of [new Date('2026-01-01T10:00:00Z'), new Date('2026-06-30T18:30:00Z')]) {
        rmSync(zip, { force: true });
        copyFileSync('fixtures/bin/hello-glibc234-x86_64', bootstrap);
        chmodSync(bootstrap, 0o755);
        utimesSync(bootstrap, time, time);
        const zipped = spawnSync('zip', ['-q', 'function.zip', 'bootstrap'], { cwd: scratch });
        expect(zipped.status).toBe(0);
        bytes.push(readFileSync(zip));
        fingerprints.push(
          sarifFor(['--runtime', 'provided.al2', zip]).runs[0].results.map((result) => result.partialFingerprints['lambdaLint/v1']),
        );
      }

      expect(bytes[0].equals(bytes[1])).toBe(false);
      expect(fingerprints[0].length).toBeGreaterThan(0);
      expect(fingerprints[1]).toEqual(fingerprints[0]);
      expect(new Set(fingerprints[0]).size).toBe(fingerprints[0].length);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('keeps the same finding in two folders apart', () => {
    const first = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-c-glibc234-al2')]).runs[0].results;
    const second = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-rust-glibc-al2')]).runs[0].results;
    const key = (results: SarifLog['runs'][0]['results']): string | undefined =>
      results.find((result) => result.ruleId === 'LL4001')?.partialFingerprints['lambdaLint/v1'];
    expect(key(first)).not.toBe(key(second));
  });

  it('validates template output and names each function', () => {
    for (const template of ['fixtures/templates/sam/template.yaml', 'fixtures/templates/skipped/template.yaml']) {
      const log: unknown = sarifFor(['--runtime', 'nodejs22.x', '--template', template]);
      expect(validate(log) ? [] : validate.errors).toEqual([]);
    }

    const log = sarifFor(['--template', 'fixtures/templates/sam/template.yaml']);
    const result = log.runs[0].results.find((candidate) => candidate.ruleId === 'LL3001');
    expect(result?.message.text.startsWith('OrdersNodeFunction: bin/thumbnail is built for AArch64')).toBe(true);
    expect(result?.locations[0].logicalLocations.map((location) => location.fullyQualifiedName ?? (location as { name?: string }).name)).toEqual([
      'node-function!/bin/thumbnail',
      'OrdersNodeFunction',
    ]);
  });

  it('keeps two functions sharing one package apart', () => {
    const log = sarifFor(['--runtime', 'nodejs22.x', '--template', 'fixtures/templates/skipped/template.yaml']);
    const run = log.runs[0];
    const results = run.results.filter((candidate) => candidate.ruleId === 'LL3001');
    // ParameterRuntimeFunction and MappedRuntimeFunction both use sam/node-function/.
    expect(results).toHaveLength(2);
    expect(new Set(results.map((result) => result.partialFingerprints['lambdaLint/v1'])).size).toBe(2);
    expect(run.artifacts.filter((artifact) => artifact.location.uri === 'fixtures/templates/sam/node-function')).toHaveLength(1);
  });

  it('reports an unreadable input as a notification', () => {
    const result = runCli([...TODAY, '--format', 'sarif', 'no-such.zip']);
    expect(result.status).toBe(2);
    const log = JSON.parse(result.stdout) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('no-such.zip: no such file or directory');
  });

  it('links rules to the homepage', async () => {
    const report = await lint([fixtureZip('fail-c-openssl3-al2')], { runtime: 'provided.al2', now: new Date('2026-12-04T00:00:00Z') });
    const home = 'https://example.org/lambda-lint';
    const log = JSON.parse(
      formatSarif(report, { includeSuppressed: false, rules: RULES, docsMarkdown: () => null, informationUri: home, docsBaseUrl: `${home}/docs/rules`, baseDirectory: process.cwd() }),
    ) as { runs: Array<{ tool: { driver: { informationUri: string; rules: Array<{ name: string; helpUri: string }> } } }> };
    expect(validate(log)).toBe(true);
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe(home);
    expect(driver.rules.every((rule) => rule.helpUri === `${home}/docs/rules/${rule.name}.md`)).toBe(true);
  });

  it('takes a fixed category from --sarif-category', () => {
    const log = sarifFor(['--runtime', 'provided.al2', '--sarif-category', 'lambda-lint/orders', fixtureZip('fail-c-glibc234-al2')]);
    expect(log.runs[0].automationDetails.id).toBe('lambda-lint/orders/');
  });

  it('names the artifact set in automationDetails', () => {
    const log = sarifFor(['--runtime', 'provided.al2', fixtureZip('fail-c-glibc234-al2')]);
    expect(log.runs[0].automationDetails.id).toBe('lambda-lint/function.zip/');
  });
});

