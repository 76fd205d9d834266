import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtureZip } from './support/cli.js';

/**
 * Packs lambda-lint with `npm pack` and installs the tarball into a new project, offline, from the
 * npm cache, to check the package as a consumer gets it. `npm test` builds dist/ first, so packing
 * skips the prepare script.
 */

/** Time for packing, installing and compiling; the whole file takes about 20 s on 2 cores. */
const SETUP_TIMEOUT_MS = 120_000;

const repository = resolve('.');
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-packed-'));
const consumer = join(scratch, 'consumer');

let tarball = '';
let packedFiles: string[] = [];

/** Returns the environment without the npm_* variables that `npm test` sets, so the child npm reads its own settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

function run(command: string, commandArguments: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, commandArguments, { cwd, encoding: 'utf8', env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Runs the installed lambda-lint through npx. `--no` forbids a download, and `--` is needed after it,
 * because with `--no` npx 11 reads options after the command name as its own.
 */
function installedCli(cliArguments: string[]): SpawnSyncReturns<string> {
  return run('npx', ['--no', '--', 'lambda-lint', ...cliArguments], consumer);
}

beforeAll(() => {
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], repository);
  if (pack.status !== 0) {
    throw new Error(`npm pack failed: ${pack.stderr}`);
  }
  const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(scratch, packed.filename);
  packedFiles = packed.files.map((file) => file.path);

  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);
  if (install.status !== 0) {
    throw new Error(`npm install --offline of the tarball failed (are the dependencies in the npm cache?): ${install.stderr}`);
  }
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('packed files', () => {
  it('ship the build, types, bin and docs', () => {
    for (const path of ['package.json', 'README.md', 'dist/bin/lambda-lint.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'docs/report.schema.json', 'docs/rules/glibc-version-too-new.md', 'docs/api.md']) {
      expect(packedFiles).toContain(path);
    }
  });

  it('leave out tests, sources and fixtures', () => {
    const unwanted = packedFiles.filter((path) => /^(dist\/test|test|src|rules|bin|fixtures)\//.test(path));

    expect(unwanted).toEqual([]);
  });
});

describe('installed package', () => {
  it('prints its version through npx', () => {
    // The plain form a consumer types; offline, so a failed local lookup cannot fetch from the registry.
    const result = spawnSync('npx', ['lambda-lint', '--version'], { cwd: consumer, encoding: 'utf8', env: { ...cleanEnv(), npm_config_offline: 'true' } });

    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('lints a fixture zip', () => {
    const result = installedCli(['--today', '2026-12-04', '--no-color', '--runtime', 'provided.al2', resolve(fixtureZip('fail-c-glibc234-al2'))]);
    const docsPage = join(consumer, 'node_modules', 'lambda-lint', 'docs', 'rules', 'glibc-version-too-new.md');

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('LL3006 glibc-version-too-new  bootstrap');
    expect(result.stdout).toContain(`LL3006  ${docsPage}`);
    expect(existsSync(docsPage)).toBe(true);
  });

  it('reads rule pages for explain and SARIF', () => {
    const explain = installedCli(['explain', 'LL3006']);
    const sarif = installedCli(['--format', 'sarif', '--runtime', 'provided.al2', resolve(fixtureZip('fail-c-glibc234-al2'))]);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { markdown: string } }> } } }> };
    const rule = log.runs[0].tool.driver.rules.find((candidate) => candidate.id === 'LL3006');

    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('glibc-version-too-new');
    expect(rule?.help.markdown).toContain('GLIBC_');
  });

  it('compiles and runs the API example', () => {
    copyFileSync('test/api/example.ts', join(consumer, 'example.ts'));
    const compile = run(
      process.execPath,
      [
        join(repository, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--module', 'nodenext',
        '--moduleResolution', 'nodenext',
        '--target', 'es2022',
        '--strict',
        '--types', 'node',
        '--typeRoots', join(repository, 'node_modules', '@types'),
        '--outDir', 'out',
        'example.ts',
      ],
      consumer,
    );
    expect(compile.stdout + compile.stderr).toBe('');
    expect(compile.status).toBe(0);

    const example = run(process.execPath, ['out/example.js', resolve(fixtureZip('fail-c-glibc234-al2'))], consumer);
    expect(example.status).toBe(1);
    expect(example.stdout).toContain('LL3006 glibc-version-too-new bootstrap');
  }, SETUP_TIMEOUT_MS);
});

describe('publint', () => {
  it('finds no errors or warnings in the tarball', async () => {
    const bytes = readFileSync(tarball);
    const result = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'warning',
    });

    expect(result.messages).toEqual([]);
  }, SETUP_TIMEOUT_MS);
});
