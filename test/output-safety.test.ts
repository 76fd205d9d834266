import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { printableName } from '../src/archive/names.js';
import { expectWellBehaved, makeWorkDir, removeWorkDir, runGuarded, type GuardedRun } from './support/hostile.js';
import { buildZip, type ZipEntrySpec } from './support/zip-writer.js';

/**
 * Entry and artifact names that carry terminal escape sequences, line breaks, GitHub workflow
 * commands and Markdown table syntax. Every output format must show them without letting them act:
 * escaped in text, exact in JSON and SARIF, unable to start a workflow command, and unable to break
 * the step summary table. test/cli.test.ts checks a plain `..` name in GitHub output.
 */

const HOSTILE_NAMES = [
  'red\u001b[31mtext\u001b[0m.txt',
  'link\u001b]8;;https://example.com/\u0007click\u001b]8;;\u0007.txt',
  'title\u001b]0;owned\u0007.txt',
  'crlf\r\nline.txt',
  'x\n::error::owned',
  '::set-output name=result::owned',
  'pipe|cell\nrow.txt',
  'percent%0A%25.txt',
  'comma,colon:name.txt',
  'c1-csi\u009b31m.txt',
];

/** An artifact file name that is itself hostile; Linux allows every byte but NUL and `/`. */
const HOSTILE_ARTIFACT = 'pkg\u001b]0;t\u0007\n::error::artifact.zip';

const TODAY = ['--today', '2026-12-04'];

/** Control characters other than LF: C0, DEL and C1. */
const CONTROL_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The tool's own workflow commands: a severity, then escaped `file` and `title` properties. */
const OWN_COMMAND = /^::(error|warning|notice) file=[^,:\r\n]*,title=[^,:\r\n]*::[^\r\n]*$/;

const schema = JSON.parse(readFileSync('test/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
// The schema's patterns use escapes that JavaScript rejects in Unicode mode, hence unicodeRegExp: false.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

let workDir: string;

beforeAll(() => {
  workDir = makeWorkDir('output-safety');
  const entries: ZipEntrySpec[] = [
    { name: 'bootstrap', data: readFileSync('fixtures/bin/hello-glibc-static-x86_64'), method: 8, mode: 0o100755 },
    // Mode 0600 makes each name the subject of a file-not-readable warning, so every format prints it.
    ...HOSTILE_NAMES.map((name) => ({ name, data: Buffer.from('data\n'), mode: 0o100600 })),
  ];
  const bytes = buildZip(entries).bytes;
  writeFileSync(join(workDir, 'function.zip'), bytes);
  writeFileSync(join(workDir, HOSTILE_ARTIFACT), bytes);
});

afterAll(() => {
  removeWorkDir(workDir);
});

function lintBoth(format: string, env: Record<string, string> = {}): GuardedRun {
  return runGuarded([...TODAY, '--format', format, 'function.zip', HOSTILE_ARTIFACT], workDir, env);
}

/** Reverses the escaping of GitHub's toolkit for command data and properties. */
function unescapeCommandText(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

interface JsonReport {
  artifacts: Array<{ path: string; entries: Array<{ name: string }>; findings: Array<{ entry: string | null; ruleName: string }> }>;
}

describe('text output', () => {
  it('escapes control characters in names', () => {
    const run = lintBoth('text');
    expectWellBehaved(run, 0);
    expect(run.stdout).not.toMatch(CONTROL_EXCEPT_LF);
    for (const name of HOSTILE_NAMES) {
      expect(run.stdout).toContain(printableName(name));
    }
    expect(run.stdout).toContain(printableName(HOSTILE_ARTIFACT));
  });

  it('starts no line with a workflow command', () => {
    const run = lintBoth('text');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('adds only its own colour codes when colour is forced', () => {
    const run = lintBoth('text', { FORCE_COLOR: '1' });
    expectWellBehaved(run, 0);
    const withoutOwnColours = run.stdout.replaceAll(/\u001b\[[0-9;]*m/g, '');
    expect(withoutOwnColours).not.toMatch(CONTROL_EXCEPT_LF);
  });
});

describe('JSON output', () => {
  it('round-trips every name through JSON.parse', () => {
    const run = lintBoth('json');
    expectWellBehaved(run, 0);
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(report.artifacts.map((artifact) => artifact.path)).toEqual(['function.zip', HOSTILE_ARTIFACT]);
    for (const artifact of report.artifacts) {
      const names = artifact.entries.map((entry) => entry.name);
      const flagged = artifact.findings.filter((finding) => finding.ruleName === 'file-not-readable').map((finding) => finding.entry);
      for (const name of HOSTILE_NAMES) {
        expect(names).toContain(name);
        expect(flagged).toContain(name);
      }
    }
  });

  it('writes no raw C0 control character', () => {
    const run = lintBoth('json');
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const run = lintBoth('sarif');
    expectWellBehaved(run, 0);
    const log: unknown = JSON.parse(run.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps every name exact in results and artifacts', () => {
    const run = lintBoth('sarif');
    const log = JSON.parse(run.stdout) as {
      runs: Array<{
        artifacts: Array<{ location: { uri: string } }>;
        results: Array<{ message: { text: string }; locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }>;
      }>;
    };
    const sarifRun = log.runs[0];
    const logicalNames = sarifRun.results.map((result) => result.locations[0].logicalLocations[0].fullyQualifiedName);
    const artifactUris = sarifRun.artifacts.map((artifact) => decodeURIComponent(artifact.location.uri));
    const messages = sarifRun.results.map((result) => result.message.text);

    for (const name of HOSTILE_NAMES) {
      expect(logicalNames).toContain(`function.zip!/${name}`);
      expect(logicalNames).toContain(`${HOSTILE_ARTIFACT}!/${name}`);
      expect(artifactUris).toContain(name);
      expect(messages.some((text) => text.startsWith(`${name} has mode 0600`))).toBe(true);
    }
    expect(artifactUris).toContain(HOSTILE_ARTIFACT);
  });
});

describe('GitHub workflow commands', () => {
  it('prints only its own commands, one line per finding', () => {
    const jsonRun = lintBoth('json');
    const findingCount = (JSON.parse(jsonRun.stdout) as JsonReport).artifacts.reduce((sum, artifact) => sum + artifact.findings.length, 0);

    const run = lintBoth('github');
    expectWellBehaved(run, 0);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(findingCount);
    for (const line of lines) {
      expect(line).toMatch(OWN_COMMAND);
    }
  });

  it('escapes names in titles and data as the toolkit does', () => {
    const run = lintBoth('github');
    const commands = run.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [, file, title, data] = /^::\w+ file=([^,]*),title=([^:]*)::(.*)$/.exec(line) ?? ['', '', '', ''];
        return { file: unescapeCommandText(file), title: unescapeCommandText(title), data: unescapeCommandText(data) };
      });

    expect(commands.map((command) => command.file)).toContain(HOSTILE_ARTIFACT);
    for (const name of HOSTILE_NAMES) {
      expect(commands.some((command) => command.title === `LL1007 file-not-readable (${name})`)).toBe(true);
      expect(commands.some((command) => command.data.startsWith(`${name} has mode 0600`))).toBe(true);
    }
  });

  it('keeps the step summary table one row per finding', () => {
    const summaryDirectory = mkdtempSync(join(tmpdir(), 'lambda-lint-summary-'));
    try {
      const summaryFile = join(summaryDirectory, 'summary.md');
      const run = lintBoth('github', { GITHUB_STEP_SUMMARY: summaryFile });
      expectWellBehaved(run, 0);
      const findingCount = run.stdout.split('\n').filter((line) => line !== '').length;

      const summary = readFileSync(summaryFile, 'utf8');
      expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      const rows = summary.split('\n').filter((line) => line.startsWith('| warning |') || line.startsWith('| error |'));
      expect(rows).toHaveLength(findingCount);
      for (const row of rows) {
        // Five cells: six pipes that no backslash escapes.
        expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
        expect(row.endsWith(' |')).toBe(true);
      }
      expect(summary).toContain('pipe\\|cell row.txt');
    } finally {
      rmSync(summaryDirectory, { recursive: true, force: true });
    }
  });
});

describe('error messages', () => {
  it('escapes a hostile missing path on stderr', () => {
    const run = runGuarded([...TODAY, 'missing\u001b]0;owned\u0007\r::error::x.zip'], workDir);
    expectWellBehaved(run, 2);
    expect(run.stderr.slice(0, -1)).not.toMatch(CONTROL_EXCEPT_LF);
    expect(run.stderr).toContain('missing\\x1b]0;owned\\x07\\x0d::error::x.zip');
  });
});
