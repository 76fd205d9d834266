import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';

import { fixtureZip, runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-cli-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('CLI basics', () => {
  it('prints the version from package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('prints help with options and exit codes', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--runtime', '--arch', '--handler', '--layer', '--format', '--output', '--quiet', '--max-warnings', '--require-static', '--no-color']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain('Exit codes');
  });

  it('shows --today in help', () => {
    const result = runCli(['--help']);
    const help = result.stdout.replace(/\s+/g, ' ');

    expect(help).toContain('--today <date>');
    expect(help).toContain('date the lifecycle rules use instead of today, YYYY-MM-DD, for reproducible runs');
  });

  it('lists every help option in the README table', () => {
    const tableRows = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `-'));
    const help = runCli(['--help']).stdout;
    const longOptions = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]);

    expect(longOptions).toContain('--today');
    for (const option of longOptions) {
      expect(tableRows.some((row) => row.includes(`${option} `) || row.includes(`${option}\``)), option).toBe(true);
    }
  });

  it('rejects an unknown option with exit 2 and one line', () => {
    const result = runCli(['--bogus', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("unknown option '--bogus'");
  });

  it('exits 2 without a path when no build output is found', () => {
    const result = runCli([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no path given, and no build output found here');
  });

  it('rejects an unknown runtime with exit 2', () => {
    const result = runCli(['--runtime', 'provided.al2099', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lambda-lint: unknown runtime "provided.al2099"; known runtimes: provided.al2023, provided.al2, provided, go1.x, nodejs24.x/);
  });

  it('rejects arm64 on the x86_64-only provided runtime', () => {
    const result = runCli(['--runtime', 'provided', '--arch', 'arm64', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('provided does not run on arm64');
  });

  it('rejects an invalid --arch value', () => {
    const result = runCli(['--arch', 'aarch64', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'aarch64' is invalid");
  });
});

describe('CLI exit codes', () => {
  it('exits 0 with "No problems found" on a clean package', () => {
    const result = runCli([...TODAY, '--no-color', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('entrypoint: bootstrap  ELF 64-bit x86-64, static-pie');
    expect(result.stdout).toContain('No problems found.');
    expect(result.stdout).toContain('0 errors, 0 warnings in 1 artifact');
  });

  it('exits 1 when errors are found', () => {
    const result = runCli([...TODAY, '--runtime', 'provided.al2', fixtureZip('fail-c-glibc234-al2')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL3006 glibc-version-too-new');
  });

  it('exits 0 on warnings alone', () => {
    const result = runCli([...TODAY, fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('LL1007 file-not-readable');
  });

  it('exits 1 when warnings exceed --max-warnings', () => {
    const result = runCli([...TODAY, '--max-warnings', '0', fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(1);
  });

  it('exits 0 when warnings stay within --max-warnings', () => {
    const result = runCli([...TODAY, '--max-warnings', '1', fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(0);
  });

  it('rejects a negative --max-warnings', () => {
    const result = runCli(['--max-warnings', '-1', fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(2);
  });

  it('exits 2 with one line for a missing file', () => {
    const result = runCli(['does-not-exist.zip']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('lambda-lint: does-not-exist.zip: no such file or directory');
  });

  it('exits 2 with one line for a file that is not a zip', () => {
    const result = runCli([fixtureZip('fail-not-a-zip')]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not a zip file');
  });

  it('exits 1 for a damaged zip, which is a finding', () => {
    const result = runCli([...TODAY, fixtureZip('fail-corrupt-zip')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL0001 corrupt-zip');
    expect(result.stderr).toBe('');
  });

  it('turns dynamic linkage into an error with --require-static', () => {
    const plain = runCli([...TODAY, fixtureZip('pass-c-glibc234-al2023')]);
    expect(plain.status).toBe(0);

    const strict = runCli([...TODAY, '--require-static', fixtureZip('pass-c-glibc234-al2023')]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('LL3003 dynamic-linkage');
  });
});

describe('CLI output', () => {
  it('shows errors only with --quiet', () => {
    const result = runCli([...TODAY, '--quiet', '--runtime', 'provided.al2', fixtureZip('fail-c-glibc234-al2')]);
    expect(result.stdout).toContain('LL3006');
    expect(result.stdout).not.toContain('LL4001');
    expect(result.stdout).not.toContain('Warnings');
  });

  it('writes the report to --output and nothing to stdout', () => {
    const output = join(scratch, 'report.txt');
    const result = runCli([...TODAY, '-o', output, fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toContain('No problems found.');
  });

  it('colours text only when asked or on a terminal', () => {
    const zip = fixtureZip('warn-data-file-0600');
    expect(runCli([...TODAY, zip]).stdout).not.toContain('\u001b[');
    expect(runCli([...TODAY, zip], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runCli([...TODAY, '--no-color', zip], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(runCli([...TODAY, zip], { FORCE_COLOR: '0' }).stdout).not.toContain('\u001b[');
  });

  it('ends with a docs link for every rule that fired', () => {
    const result = runCli([...TODAY, '--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')]);
    for (const name of ['missing-shared-library', 'glibc-version-too-new', 'deprecated-runtime']) {
      const line = result.stdout.split('\n').find((text) => text.endsWith(`docs/rules/${name}.md`));
      expect(line).toBeDefined();
      expect(existsSync(line?.trim().split(/\s+/)[1] ?? '')).toBe(true);
    }
  });

  it('lists ELF files besides the entrypoint', () => {
    const result = runCli([...TODAY, fixtureZip('pass-greet-lib-dir-al2023')]);
    expect(result.stdout).toContain('entrypoint: bootstrap  ELF 64-bit x86-64, dynamic, needs GLIBC_2.34, 2 libraries');
    expect(result.stdout).toContain('other ELF:  lib/libgreet.so.1  ELF 64-bit x86-64, shared-library');
  });

  it('explains that Handler does not choose the executable', () => {
    const result = runCli([...TODAY, '--handler', 'my-function', fixtureZip('fail-crate-name-binary')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL1003 misnamed-bootstrap  my-function');
    expect(result.stdout).toContain('The Handler "my-function" names it');
    expect(result.stdout).toContain('only the retired go1.x runtime ran the file Handler named');
  });

  it('lints each path of a glob on its own', () => {
    const result = runCli([...TODAY, '--format', 'json', 'fixtures/cases/pass-c-*-al2023/function.zip']);
    const report = JSON.parse(result.stdout) as { artifacts: Array<{ path: string }> };
    expect(report.artifacts.length).toBeGreaterThan(3);
    expect(report.artifacts.every((artifact) => artifact.path.startsWith('fixtures/cases/pass-c-'))).toBe(true);
  });

  it('lints a folder holding an unpacked package', () => {
    const result = runCli([...TODAY, '--format', 'json', 'fixtures/bin']);
    const report = JSON.parse(result.stdout) as { artifacts: Array<{ kind: string; entries: unknown[] }> };
    expect(report.artifacts[0].kind).toBe('directory');
    expect(report.artifacts[0].entries.length).toBeGreaterThan(5);
  });
});

describe('JSON report', () => {
  const schema = JSON.parse(readFileSync('docs/report.schema.json', 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  const cases = [
    ['fail-c-openssl3-al2', 'provided.al2'],
    ['pass-greet-symlink-chain-al2023', 'provided.al2023'],
    ['fail-corrupt-zip', 'provided.al2023'],
    ['fail-not-a-zip', 'provided.al2023'],
    ['fail-truncated-elf-phdrs', 'provided.al2023'],
    ['fail-greet-backslash-lib-path', 'provided.al2023'],
  ];

  for (const [caseId, runtime] of cases) {
    it(`validates against the schema for ${caseId}`, () => {
      const result = runCli([...TODAY, '--format', 'json', '--runtime', runtime, fixtureZip(caseId)]);
      const report: unknown = JSON.parse(result.stdout);
      const valid = validate(report);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  }

  it('reports ELF facts of the entrypoint', () => {
    const result = runCli([...TODAY, '--format', 'json', '--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')]);
    const report = JSON.parse(result.stdout) as {
      artifacts: Array<{ entries: Array<{ name: string; elf?: { machine: number; linkage: string; interpreter: string; needed: string[]; highestVersions: Record<string, string> } }> }>;
    };
    const bootstrap = report.artifacts[0].entries.find((entry) => entry.name === 'bootstrap');
    expect(bootstrap?.elf?.machine).toBe(62);
    expect(bootstrap?.elf?.linkage).toBe('dynamic');
    expect(bootstrap?.elf?.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(bootstrap?.elf?.needed).toContain('libssl.so.3');
    expect(bootstrap?.elf?.highestVersions.GLIBC).toBe('GLIBC_2.34');
  });
});

describe('runtimes command', () => {
  it('lists every runtime with OS, glibc, architectures and status', () => {
    const result = runCli(['runtimes', '--today', '2026-12-04']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RUNTIME\s+OS\s+GLIBC\s+ARCHITECTURES\s+STATUS$/);
    expect(lines).toHaveLength(33);
    expect(result.stdout).toMatch(/provided\.al2023\s+Amazon Linux 2023\s+2\.34\s+x86_64, arm64\s+supported until 2029-06-30/);
    expect(result.stdout).toMatch(/provided\.al2\s+Amazon Linux 2\s+2\.26\s+x86_64, arm64\s+deprecated since 2026-07-31, move to provided\.al2023/);
    expect(result.stdout).toMatch(/go1\.x\s+Amazon Linux 1\s+2\.17\s+x86_64\s+deprecated since 2024-01-08/);
  });

  it('reports update-blocked runtimes after their date', () => {
    const result = runCli(['runtimes', '--today', '2027-03-04']);
    expect(result.stdout).toMatch(/provided\.al2\s+.*update blocked since 2027-03-03/);
  });

  it('prints JSON with --format json', () => {
    const result = runCli(['runtimes', '--format', 'json', '--today', '2026-12-04']);
    const parsed = JSON.parse(result.stdout) as { runtimes: Array<{ id: string; status: string }> };
    expect(parsed.runtimes).toHaveLength(32);
    expect(parsed.runtimes.find((runtime) => runtime.id === 'nodejs20.x')?.status).toBe('deprecated');
  });

  it('rejects an unknown option with exit 2', () => {
    const result = runCli(['runtimes', '--bogus']);
    expect(result.status).toBe(2);
  });
});

describe('managed runtimes and layers', () => {
  it('fails a darwin Node addon', () => {
    const result = runCli([...TODAY, '--runtime', 'nodejs22.x', fixtureZip('fail-node22-rollup-darwin-arm64')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL2006 native-module-not-linux  node_modules/@rollup/rollup-darwin-arm64/rollup.darwin-arm64.node');
    expect(result.stdout).toContain('is a Mach-O file for macOS (arm64)');
    expect(result.stdout).toContain('invalid ELF header');
  });

  it('passes the linux-x64 build on nodejs22.x x86_64', () => {
    const result = runCli([...TODAY, '--runtime', 'nodejs22.x', '--arch', 'x86_64', fixtureZip('pass-node22-rollup-linux-x64-gnu')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 errors, 0 warnings');
  });

  it('fails the linux-x64 build on nodejs22.x arm64', () => {
    const result = runCli([...TODAY, '--runtime', 'nodejs22.x', '--arch', 'arm64', fixtureZip('pass-node22-rollup-linux-x64-gnu')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL3001 elf-wrong-machine');
    expect(result.stdout).toContain('LL5103 missing-platform-package');
  });

  it('passes a function without bootstrap whose layer provides one', () => {
    const folder = 'fixtures/cases/pass-layer-bootstrap-al2023';
    const withLayer = runCli([...TODAY, '--layer', `${folder}/layer.zip`, `${folder}/function.zip`]);
    expect(withLayer.status).toBe(0);
    expect(withLayer.stdout).toContain('entrypoint: /opt/bootstrap');

    const withoutLayer = runCli([...TODAY, `${folder}/function.zip`]);
    expect(withoutLayer.status).toBe(1);
    expect(withoutLayer.stdout).toContain('LL1001 missing-bootstrap');
  });

  it('rejects an unknown --kind', () => {
    const result = runCli(['--kind', 'image', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
  });
});

describe('CLI input and output errors', () => {
  it('exits 2 with one line when -o cannot be written', () => {
    const result = runCli([...TODAY, '-o', join(scratch, 'missing-folder', 'out.txt'), fixtureZip('pass-rust-static-pie-al2023')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot write the report to');
  });

  it('rejects an empty --max-warnings', () => {
    const result = runCli(['--max-warnings', '', fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(2);
  });

  it('says why it exits 1 over --max-warnings', () => {
    const result = runCli([...TODAY, '--max-warnings', '0', fixtureZip('warn-data-file-0600')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 warning, more than --max-warnings 0 allows');
  });

  it('rejects --layer together with --kind layer', () => {
    const result = runCli(['--kind', 'layer', '--layer', fixtureZip('pass-py312-pure'), fixtureZip('pass-py312-pure')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot be used with --kind layer');
  });

  it('does not call an unreadable input a clean result', () => {
    const result = runCli([...TODAY, fixtureZip('fail-not-a-zip')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('0 errors, 0 warnings in 0 artifacts; 1 artifact could not be read');
  });

  it('names a missing layer once', () => {
    const result = runCli([...TODAY, '--layer', 'no-such-layer.zip', fixtureZip('pass-layer-bootstrap-al2023')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('lambda-lint: layer no-such-layer.zip: no such file or directory');
  });
});

describe('GitHub Actions output', () => {
  it('prints one workflow command per finding', () => {
    const result = runCli([...TODAY, '--format', 'github', '--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')]);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=fixtures\/cases\/fail-c-openssl3-al2\/function\.zip,title=LL3005 missing-shared-library \(bootstrap\)::bootstrap needs libssl\.so\.3/);
    expect(lines[2]).toMatch(/^::warning file=.*,title=LL4001 deprecated-runtime::/);
    expect(result.status).toBe(1);
  });

  it('escapes entry names so they cannot start another command', () => {
    const result = runCli([...TODAY, '--format', 'github', fixtureZip('fail-zip-slip-dotdot')]);
    for (const line of result.stdout.trim().split('\n')) {
      expect(line.startsWith('::')).toBe(true);
      expect(line.slice(2)).not.toMatch(/\n::/);
    }
  });

  it('appends a Markdown table to GITHUB_STEP_SUMMARY', () => {
    const summary = join(scratch, 'summary.md');
    runCli([...TODAY, '--format', 'github', '--runtime', 'provided.al2', fixtureZip('fail-c-openssl3-al2')], { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('## lambda-lint');
    expect(text).toContain('| severity | rule | artifact | entry | message |');
    expect(text).toContain('| error | LL3006 glibc-version-too-new | fixtures/cases/fail-c-openssl3-al2/function.zip | bootstrap |');
  });

  it('annotates an unreadable input', () => {
    const missing = join(scratch, 'missing.zip');
    const result = runCli([...TODAY, '--format', 'github', missing]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe(`::error file=${missing},title=lambda-lint%3A cannot read the artifact::${missing}: no such file or directory\n`);
  });

  it('states unreadable inputs in the step summary', () => {
    const summary = join(scratch, 'summary-unreadable.md');
    const missing = join(scratch, 'missing.zip');
    const notZip = fixtureZip('fail-not-a-zip');
    const clean = fixtureZip('pass-rust-static-pie-al2023');
    const result = runCli([...TODAY, '--format', 'github', clean, notZip, missing], { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');

    expect(result.status).toBe(2);
    expect(text).toContain('0 errors, 0 warnings in 1 artifact; 2 artifacts could not be read.');
    expect(text).toContain('Artifacts that could not be read:');
    expect(text).toContain(`- ${missing}: no such file or directory\n`);
    expect(text).toContain(`- ${notZip}: not a zip file (no zip signature and no end of central directory record)\n`);
  });

  it('step summary counts skipped functions', () => {
    const summary = join(scratch, 'summary-skipped.md');
    const template = 'fixtures/templates/skipped/template.yaml';
    const text = runCli([...TODAY, '--no-color', '--runtime', 'nodejs22.x', '--template', template]);
    runCli([...TODAY, '--format', 'github', '--runtime', 'nodejs22.x', '--template', template], { GITHUB_STEP_SUMMARY: summary });
    const closingLine = text.stdout.trim().split('\n').at(-1) ?? '';

    expect(closingLine).toMatch(/function(s)? skipped$/);
    expect(readFileSync(summary, 'utf8')).toContain(`${closingLine}.\n`);
  });
});

describe('rules and explain commands', () => {
  it('lists every rule with code, name, level and summary', () => {
    const result = runCli(['rules']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(40);
    expect(result.stdout).toMatch(/^LL3006\s+glibc-version-too-new\s+error\s+An ELF file needs/m);
  });

  it('prints a rule page by code or by name', () => {
    const byCode = runCli(['explain', 'LL3006']);
    const byName = runCli(['explain', 'glibc-version-too-new']);
    expect(byCode.status).toBe(0);
    expect(byCode.stdout.startsWith('# glibc-version-too-new (LL3006)')).toBe(true);
    expect(byName.stdout).toBe(byCode.stdout);
  });

  it('rejects an unknown rule with exit 2', () => {
    const result = runCli(['explain', 'LL9999']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no rule with code or name "LL9999"');
  });
});

describe('command placement', () => {
  const clean = fixtureZip('pass-rust-static-pie-al2023');

  it('runs rules after an option', () => {
    // The working directory is the repository root, which has a rules/ folder.
    const result = runCli(['--no-color', 'rules']);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^LL3006\s+glibc-version-too-new\s+error\s+An ELF file needs/m);
  });

  it('runs runtimes after --format json', () => {
    const result = runCli(['--format', 'json', 'runtimes', ...TODAY]);
    const parsed = JSON.parse(result.stdout) as { runtimes: Array<{ id: string }> };

    expect(result.status).toBe(0);
    expect(parsed.runtimes).toHaveLength(32);
  });

  it('prints rules as JSON', () => {
    const result = runCli(['rules', '--format', 'json']);
    const parsed = JSON.parse(result.stdout) as { rules: Array<Record<string, string>> };
    const text = runCli(['rules']);

    expect(result.status).toBe(0);
    expect(parsed.rules).toHaveLength(text.stdout.trim().split('\n').length);
    expect(parsed.rules.find((rule) => rule.code === 'LL3006')).toEqual({
      code: 'LL3006',
      name: 'glibc-version-too-new',
      defaultLevel: 'error',
      summary: expect.stringMatching(/^An ELF file needs/) as unknown as string,
    });
  });

  it('rejects a format rules lacks', () => {
    const result = runCli(['rules', '--format', 'sarif']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'sarif' is invalid. Allowed choices are text, json");
    expect(result.stdout).toBe('');
  });

  it('names a misplaced command', () => {
    const result = runCli([clean, 'explain', 'LL3006']);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lambda-lint: explain is a command; put it first: lambda-lint explain <code|name>\n');
  });

  it('lints a later path named like a command', () => {
    const result = runCli([...TODAY, '--no-color', clean, 'rules']);

    expect(result.stdout).toContain('rules  (provided.al2023, x86_64)');
    expect(result.stdout).not.toContain('is a command');
  });

  it('lints a command name after --', () => {
    const result = runCli([...TODAY, '--no-color', '--', 'rules']);

    expect(result.stdout).toContain('rules  (provided.al2023, x86_64)');
  });

  it('requires hook first', () => {
    const result = runCli(['--no-color', 'hook', 'install'], {}, scratch);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lambda-lint: hook is a command; put it first: lambda-lint hook install [--force] [args]\n');
  });

  it('hints at ./rules for a lint option', () => {
    const result = runCli(['--runtime', 'provided.al2', 'rules']);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe("lambda-lint: error: unknown option '--runtime'; to lint a path named rules, write ./rules\n");
  });

  it('describes command placement in help', () => {
    const result = runCli(['--help']);

    expect(result.stdout).toContain('The command is the first argument that is not an option.');
    expect(result.stdout).toContain('lambda-lint rules [--format text|json]');
  });
});

describe('Python fallbacks', () => {
  const zipAvailable = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;

  it.skipIf(!zipAvailable)('warns, not fails, when a .py beside a mismatched extension is imported instead', () => {
    const folder = join(scratch, 'py-fallback');
    mkdirSync(join(folder, 'mypkg'), { recursive: true });
    writeFileSync(join(folder, 'lambda_function.py'), 'import mypkg.md\n\ndef lambda_handler(event, context):\n    return mypkg.md.ok()\n');
    writeFileSync(join(folder, 'mypkg', '__init__.py'), '');
    writeFileSync(join(folder, 'mypkg', 'md.py'), 'def ok():\n    return True\n');
    copyFileSync('fixtures/bin/speedups-cp311-x86_64.so', join(folder, 'mypkg', 'md.cpython-311-x86_64-linux-gnu.so'));
    const zipped = spawnSync('zip', ['-q', '-r', 'function.zip', 'lambda_function.py', 'mypkg'], { cwd: folder });
    expect(zipped.status).toBe(0);

    const result = runCli([...TODAY, '--runtime', 'python3.12', join(folder, 'function.zip')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('LL5001 python-extension-mismatch  mypkg/md.cpython-311-x86_64-linux-gnu.so');
    expect(result.stdout).toContain('imports md.py beside it instead');
  });
});
