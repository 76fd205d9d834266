import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import * as api from '../src/index.js';
import { fixtureZip, runCli } from './support/cli.js';

const EXAMPLE_MARKER = '<!-- example: test/api/example.ts -->';
const NOW = new Date('2026-12-04T00:00:00Z');

/** Returns the first ```ts block after the marker in docs/api.md. */
function documentedExample(): string {
  const page = readFileSync('docs/api.md', 'utf8');
  const afterMarker = page.slice(page.indexOf(EXAMPLE_MARKER) + EXAMPLE_MARKER.length);
  const match = /^\s*```ts\n([\s\S]*?)```/.exec(afterMarker);
  if (match === null) {
    throw new Error('docs/api.md: no ```ts block after the example marker');
  }
  return match[1];
}

describe('API example', () => {
  it('matches the code in docs/api.md', () => {
    expect(readFileSync('docs/api.md', 'utf8')).toContain(EXAMPLE_MARKER);
    expect(documentedExample()).toBe(readFileSync('test/api/example.ts', 'utf8'));
  });

  it('runs and reports errors', () => {
    // `npm test` builds the example into dist/test/api, importing lambda-lint by its package name.
    const result = spawnSync(process.execPath, ['dist/test/api/example.js', fixtureZip('fail-c-glibc234-al2'), 'fixtures/bin/rust-static-pie-x86_64'], {
      encoding: 'utf8',
    });

    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${fixtureZip('fail-c-glibc234-al2')}: entrypoint /var/task/bootstrap, errors: 1\n  LL3006 glibc-version-too-new bootstrap\n`);
    expect(result.stdout).toContain('fixtures/bin/rust-static-pie-x86_64: entrypoint /var/task/bootstrap, errors: 0\n');
    expect(result.stdout).toMatch(/SARIF results: [1-9]\d*\n/);
  });

  it('exits 0 on a clean package', () => {
    const result = spawnSync(process.execPath, ['dist/test/api/example.js', fixtureZip('pass-rust-static-pie-al2023')], { encoding: 'utf8' });

    expect(result.status).toBe(0);
  });
});

describe('library exports', () => {
  it('has the functions and classes a consumer needs', () => {
    expect(typeof api.lint).toBe('function');
    expect(typeof api.formatReport).toBe('function');
    expect(typeof api.loadConfig).toBe('function');
    expect(typeof api.listRuntimes).toBe('function');
    expect(typeof api.findRuntime).toBe('function');
    expect(new api.OptionError('x')).toBeInstanceOf(Error);
    expect(new api.ConfigError('x')).toBeInstanceOf(Error);
    expect(api.REPORT_FORMAT_VERSION).toBe(1);
    expect(api.RULES.length).toBeGreaterThan(40);
  });

  it('rejects an unknown runtime with OptionError', async () => {
    await expect(api.lint([fixtureZip('pass-rust-static-pie-al2023')], { runtime: 'provided.al2099' })).rejects.toBeInstanceOf(api.OptionError);
  });

  it('rejects an unknown format with OptionError', async () => {
    const report = await api.lint([fixtureZip('pass-rust-static-pie-al2023')], { now: NOW });

    expect(() => api.formatReport(report, 'xml' as api.ReportFormat)).toThrow(api.OptionError);
  });
});

describe('formatReport', () => {
  const zip = fixtureZip('fail-c-glibc234-al2');

  it('prints text as the CLI does', async () => {
    const report = await api.lint([zip], { runtime: 'provided.al2', now: NOW });
    const cli = runCli(['--today', '2026-12-04', '--no-color', '--runtime', 'provided.al2', zip]);

    expect(api.formatReport(report, 'text')).toBe(cli.stdout);
  });

  it('prints JSON as the CLI does', async () => {
    const report = await api.lint([zip], { runtime: 'provided.al2', now: NOW });
    const cli = runCli(['--today', '2026-12-04', '--format', 'json', '--runtime', 'provided.al2', zip]);

    expect(api.formatReport(report, 'json')).toBe(cli.stdout);
  });

  it('prints github annotations with quiet', async () => {
    const report = await api.lint([zip], { runtime: 'provided.al2', now: NOW });
    const lines = api.formatReport(report, 'github', { quiet: true }).trim().split('\n');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=/);
  });
});

describe('loadConfig with lint', () => {
  it('applies the configuration as the CLI does', async () => {
    const { config, directory } = await api.loadConfig(process.cwd(), 'test/api/lambda-lint.config.json');
    const report = await api.lint([fixtureZip('warn-data-file-0600')], {
      defaults: config,
      artifactOverrides: config.artifacts,
      ignores: config.ignores,
      ruleLevels: config.rules,
      configDirectory: directory,
      now: NOW,
    });

    expect(report.artifacts[0].findings.map((finding) => finding.ruleName)).toEqual(['file-not-readable']);
    expect(report.artifacts[0].findings[0].severity).toBe('error');
  });
});

describe('docs/api.md', () => {
  const page = readFileSync('docs/api.md', 'utf8');

  /** Tells whether the page names `name` in code, as `name`, `name(...)` or `name<...>`. */
  function documents(name: string): boolean {
    return new RegExp('`' + name + '[`(<]').test(page);
  }

  it('documents every runtime export', async () => {
    // The built module, as a consumer imports it. `npm test` builds it first.
    const built = (await import(resolve('dist/src/index.js'))) as Record<string, unknown>;
    const names = Object.keys(built);

    expect(names).toContain('readFunctionTargets');
    for (const name of names) {
      expect(documents(name), name).toBe(true);
    }
  });

  it('documents every exported type', () => {
    const program = ts.createProgram(['dist/src/index.d.ts'], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile('dist/src/index.d.ts');
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    const names = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.getName());

    expect(names).toContain('FunctionTarget');
    expect(names).toContain('lint');
    for (const name of names) {
      expect(documents(name), name).toBe(true);
    }
  });
});
