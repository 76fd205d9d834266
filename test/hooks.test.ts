import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { hookScript, shellQuote } from '../src/hooks/pre-push.js';
import { CLI_PATH, fixtureZip, runCli } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-hooks-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** One hook of .pre-commit-hooks.yaml, as key to scalar value. */
type PreCommitHook = Record<string, string>;

/**
 * Reads .pre-commit-hooks.yaml: a list of flat mappings whose values are plain scalars, which is all
 * the file uses. A line of another shape fails the test, so the reader cannot skip content silently.
 */
function readPreCommitHooks(): PreCommitHook[] {
  const hooks: PreCommitHook[] = [];
  for (const line of readFileSync('.pre-commit-hooks.yaml', 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      continue;
    }
    const match = /^(- | {2})([a-z_]+): (.+)$/.exec(line);
    if (match === null) {
      throw new Error(`.pre-commit-hooks.yaml: line outside the supported subset: ${line}`);
    }
    if (match[1] === '- ') {
      hooks.push({});
    }
    hooks[hooks.length - 1][match[2]] = match[3];
  }
  return hooks;
}

const helpText = runCli(['--help']).stdout;

/** Options that `lambda-lint --help` lists. */
function optionsInHelp(): Set<string> {
  return new Set(helpText.match(/--[a-z][a-z-]*/g) ?? []);
}

describe('pre-commit hooks file', () => {
  const hooks = readPreCommitHooks();
  const byId = new Map(hooks.map((hook) => [hook.id, hook]));
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };

  it('declares the zip and template hooks', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['lambda-lint', 'lambda-lint-template']);
  });

  it('runs the package bin with node', () => {
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(hook.pass_filenames).toBe('true');
      expect(Object.keys(manifest.bin)).toContain(hook.entry.split(' ')[0]);
      expect(hook.name).toBeTruthy();
      expect(hook.description).toBeTruthy();
    }
  });

  it('matches zips only in the zip hook', () => {
    const files = new RegExp(byId.get('lambda-lint')?.files ?? '(?!)');

    expect(files.test('build/function.zip')).toBe(true);
    expect(files.test('function.zip.sha256')).toBe(false);
    expect(files.test('template.yaml')).toBe(false);
  });

  it('matches templates in the template hook', () => {
    const files = new RegExp(byId.get('lambda-lint-template')?.files ?? '(?!)');

    for (const name of ['template.yaml', 'infra/template.yml', 'stack.template.json']) {
      expect(files.test(name)).toBe(true);
    }
    for (const name of ['template.yaml.bak', 'build/function.zip', 'package.json']) {
      expect(files.test(name)).toBe(false);
    }
  });

  it('uses only options of the zip hook that exist', () => {
    const known = optionsInHelp();
    const options = (byId.get('lambda-lint')?.entry ?? '').split(' ').filter((word) => word.startsWith('-'));
    for (const option of options) {
      expect(known).toContain(option);
    }
  });

  // --template comes with the template support of the CLI; until that is merged, --help lacks it.
  it.runIf(helpText.includes('--template'))('passes --template to the template hook', () => {
    expect(byId.get('lambda-lint-template')?.entry).toBe('lambda-lint --template');
    expect(optionsInHelp()).toContain('--template');
  });

  it('fails the zip hook on a failing zip', () => {
    const entry = byId.get('lambda-lint')?.entry.split(' ') ?? [];
    const failing = runCli([...entry.slice(1), '--today', '2026-12-04', fixtureZip('fail-mode-0644')]);
    const passing = runCli([...entry.slice(1), '--today', '2026-12-04', fixtureZip('pass-rust-static-pie-al2023')]);

    expect(failing.status).toBe(1);
    expect(passing.status).toBe(0);
  });
});

describe('hook script', () => {
  it('quotes words that the shell would change', () => {
    expect(shellQuote('build/function.zip')).toBe('build/function.zip');
    expect(shellQuote('build/*.zip')).toBe("'build/*.zip'");
    expect(shellQuote("it's here.zip")).toBe("'it'\\''s here.zip'");
    expect(shellQuote('')).toBe("''");
  });

  it('changes to the install folder when it has one', () => {
    expect(hookScript('services/api/', [])).toContain("cd -- services/api || exit 1\n");
    expect(hookScript('', [])).not.toContain('cd --');
  });

  it('ends with the lambda-lint command', () => {
    expect(hookScript('', ['--runtime', 'provided.al2', 'build/*.zip']).trimEnd().split('\n').at(-1)).toBe(
      `exec "$@" --runtime provided.al2 'build/*.zip'`,
    );
  });
});

const gitAvailable = spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;

describe.runIf(gitAvailable)('hook install in a git repository', () => {
  let repository = '';
  let count = 0;

  // Each test gets a new repository with a failing and a passing package under build/.
  beforeEach(() => {
    count += 1;
    repository = join(scratch, `repo-${count}`);
    mkdirSync(join(repository, 'build'), { recursive: true });
    git(['init', '--quiet', '.'], repository);
    copyFileSync(fixtureZip('fail-mode-0644'), join(repository, 'build', 'bad.zip'));
    copyFileSync(fixtureZip('pass-rust-static-pie-al2023'), join(repository, 'build', 'good.zip'));
  });

  function git(gitArguments: string[], cwd: string): string {
    const result = spawnSync('git', gitArguments, { cwd, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return result.stdout.trim();
  }

  /** Creates a folder with a `lambda-lint` command that runs the built CLI, to put on PATH as an install would. */
  function binFolder(): string {
    const folder = join(scratch, `bin-${count}`);
    mkdirSync(folder, { recursive: true });
    const command = join(folder, 'lambda-lint');
    writeFileSync(command, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(CLI_PATH)} "$@"\n`);
    chmodSync(command, 0o755);
    return folder;
  }

  /** Runs a hook as git does: from the top of the work tree. */
  function runHook(hookFile: string, path: string): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('sh', [hookFile, 'origin', 'https://example.invalid/repo.git'], {
      cwd: repository,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, PATH: path },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('writes an executable pre-push hook', () => {
    const result = runCli(['hook', 'install', 'build/*.zip'], {}, repository);
    const hookFile = join(repository, '.git', 'hooks', 'pre-push');

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`lambda-lint: wrote ${join('.git', 'hooks', 'pre-push')}; before each git push it runs: lambda-lint 'build/*.zip'\n`);
    expect(statSync(hookFile).mode & 0o777).toBe(0o755);
    expect(readFileSync(hookFile, 'utf8')).toContain(`exec "$@" 'build/*.zip'\n`);
  });

  it('fails the push on a failing package', () => {
    runCli(['hook', 'install', '--today', '2026-12-04', 'build/*.zip'], {}, repository);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), `${binFolder()}${delimiter}${process.env.PATH ?? ''}`);

    expect(hook.status).toBe(1);
    expect(hook.stdout).toContain('build/bad.zip');
    expect(hook.stdout).toContain('LL1004 bootstrap-not-executable');
  });

  it('lets the push through on a passing package', () => {
    runCli(['hook', 'install', '--today', '2026-12-04', 'build/good.zip'], {}, repository);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), `${binFolder()}${delimiter}${process.env.PATH ?? ''}`);

    expect(hook.status).toBe(0);
    expect(hook.stdout).toContain('No problems found.');
  });

  it('prefers the project node_modules copy', () => {
    const localBin = join(repository, 'node_modules', '.bin');
    mkdirSync(localBin, { recursive: true });
    writeFileSync(join(localBin, 'lambda-lint'), '#!/bin/sh\necho "local copy: $*"\n');
    chmodSync(join(localBin, 'lambda-lint'), 0o755);

    runCli(['hook', 'install', 'build/good.zip'], {}, repository);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), `${binFolder()}${delimiter}${process.env.PATH ?? ''}`);

    expect(hook.status).toBe(0);
    expect(hook.stdout).toBe('local copy: build/good.zip\n');
  });

  it('finds a hoisted workspace copy', () => {
    const rootBin = join(repository, 'node_modules', '.bin');
    mkdirSync(rootBin, { recursive: true });
    writeFileSync(join(rootBin, 'lambda-lint'), '#!/bin/sh\necho "hoisted copy: $*"\n');
    chmodSync(join(rootBin, 'lambda-lint'), 0o755);
    const service = join(repository, 'services', 'orders');
    mkdirSync(service, { recursive: true });

    runCli(['hook', 'install', 'build/good.zip'], {}, service);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), '/usr/bin:/bin');

    expect(hook.status).toBe(0);
    expect(hook.stdout).toBe('hoisted copy: build/good.zip\n');
  });

  it('stops the push when lambda-lint is missing', () => {
    runCli(['hook', 'install', 'build/good.zip'], {}, repository);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), '/usr/bin:/bin');

    expect(hook.status).toBe(1);
    expect(hook.stderr).toContain('pre-push: lambda-lint not found');
  });

  it('runs from the folder it was installed in', () => {
    const service = join(repository, 'services', 'api');
    mkdirSync(join(service, 'build'), { recursive: true });
    copyFileSync(fixtureZip('pass-rust-static-pie-al2023'), join(service, 'build', 'only.zip'));

    const result = runCli(['hook', 'install', '--today', '2026-12-04', 'build/*.zip'], {}, service);
    const hook = runHook(join(repository, '.git', 'hooks', 'pre-push'), `${binFolder()}${delimiter}${process.env.PATH ?? ''}`);

    expect(result.status).toBe(0);
    expect(hook.status).toBe(0);
    expect(hook.stdout).toContain('build/only.zip');
    expect(hook.stdout).not.toContain('bad.zip');
  });

  it('runs lambda-lint with no path when none is given', () => {
    const result = runCli(['hook', 'install'], {}, repository);
    const script = readFileSync(join(repository, '.git', 'hooks', 'pre-push'), 'utf8');

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('it runs: lambda-lint\n');
    expect(script.trimEnd().split('\n').at(-1)).toBe('exec "$@"');
  });

  it('keeps an existing hook without --force', () => {
    const hookFile = join(repository, '.git', 'hooks', 'pre-push');
    writeFileSync(hookFile, '#!/bin/sh\necho mine\n');

    const result = runCli(['hook', 'install', 'build/*.zip'], {}, repository);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`lambda-lint: hook install: ${join('.git', 'hooks', 'pre-push')} already exists; rerun with --force to replace it\n`);
    expect(readFileSync(hookFile, 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });

  it('replaces an existing hook with --force', () => {
    const hookFile = join(repository, '.git', 'hooks', 'pre-push');
    writeFileSync(hookFile, '#!/bin/sh\necho mine\n');

    const result = runCli(['hook', 'install', '--force', 'build/*.zip'], {}, repository);

    expect(result.status).toBe(0);
    expect(readFileSync(hookFile, 'utf8')).toContain('lambda-lint hook install');
  });

  it('writes to core.hooksPath when set', () => {
    git(['config', 'core.hooksPath', '.githooks'], repository);

    const result = runCli(['hook', 'install', 'build/*.zip'], {}, repository);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`wrote ${join('.githooks', 'pre-push')};`);
    expect(statSync(join(repository, '.githooks', 'pre-push')).mode & 0o777).toBe(0o755);
  });

  it('leaves husky-managed hooks alone', () => {
    git(['config', 'core.hooksPath', '.husky/_'], repository);

    const result = runCli(['hook', 'install', 'build/*.zip'], {}, repository);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('git hooks are managed by husky');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('hook command usage', () => {
  it('rejects a folder outside git', () => {
    const outside = join(scratch, 'not-a-repository');
    mkdirSync(outside, { recursive: true });

    const result = runCli(['hook', 'install', 'build/*.zip'], { GIT_CEILING_DIRECTORIES: scratch }, outside);

    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('is not inside a git work tree');
  });

  it('rejects an unknown subcommand', () => {
    const result = runCli(['hook', 'uninstall']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown subcommand "uninstall"');
  });

  it('prints help', () => {
    const result = runCli(['hook', 'install', '--help']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: lambda-lint hook install [--force]');
  });

  it('is listed in the main help', () => {
    expect(helpText).toContain('lambda-lint hook install');
  });
});
