import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** A hook cannot be installed: no git work tree, a hook already there, husky in charge of the hooks. */
export class HookInstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HookInstallError';
  }
}

export interface PrePushInstallOptions {
  /** Folder `hook install` runs in; the hook changes to it before linting, so relative paths keep their meaning. */
  cwd: string;
  /** Arguments for lambda-lint: paths, globs and options, passed as given. Empty runs lambda-lint with no path. */
  lintArguments: string[];
  /** Replaces an existing pre-push hook. */
  force: boolean;
}

export interface PrePushInstallResult {
  /** The hook file written, relative to `cwd` when it lies below it. */
  hookPath: string;
  /** The lambda-lint command line the hook runs, as shell words. */
  command: string;
}

/**
 * Writes an executable git pre-push hook that runs lambda-lint with the given arguments. The hooks
 * folder comes from `git rev-parse --git-path hooks`, so `core.hooksPath` is honoured. An existing
 * hook is kept unless `force` is set.
 */
export function installPrePushHook(options: PrePushInstallOptions): PrePushInstallResult {
  const hooksOutput = runGit(['rev-parse', '--git-path', 'hooks'], options.cwd);
  const prefix = runGit(['rev-parse', '--show-prefix'], options.cwd);

  const hooksDirectory = resolve(options.cwd, hooksOutput);
  const hookFile = join(hooksDirectory, 'pre-push');
  const shownPath = displayPath(options.cwd, hookFile);

  if (hooksDirectory.split(sep).includes('.husky')) {
    throw new HookInstallError(
      `git hooks are managed by husky (core.hooksPath is ${hooksOutput}); add the lambda-lint command to .husky/pre-push instead, as docs/hooks.md shows`,
    );
  }
  if (existsSync(hookFile) && !options.force) {
    throw new HookInstallError(`${shownPath} already exists; rerun with --force to replace it`);
  }

  const command = ['lambda-lint', ...options.lintArguments.map(shellQuote)].join(' ');
  try {
    mkdirSync(hooksDirectory, { recursive: true });
    writeFileSync(hookFile, hookScript(prefix, options.lintArguments));
    chmodSync(hookFile, 0o755);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HookInstallError(`cannot write ${shownPath}: ${reason}`);
  }

  return { hookPath: shownPath, command };
}

/**
 * Returns the hook's shell script. Git runs pre-push hooks from the top of the work tree, so the
 * script first changes to the folder the hook was installed from (`prefix`, relative to the top).
 */
export function hookScript(prefix: string, lintArguments: string[]): string {
  const lines = [
    '#!/bin/sh',
    '# Git pre-push hook written by `lambda-lint hook install`. It lints the Lambda deployment',
    '# packages and stops the push when lambda-lint exits with a non-zero code.',
    '# `git push --no-verify` skips it once. Delete this file to remove it.',
    '',
  ];

  const folder = prefix.replace(/\/$/, '');
  if (folder !== '') {
    lines.push(`cd -- ${shellQuote(folder)} || exit 1`, '');
  }

  lines.push(
    '# The project\'s own lambda-lint comes first, looked up from this folder to the root as Node.js',
    '# resolves packages (workspaces hoist it to the repository root), then one on PATH.',
    'found=',
    'dir=$(pwd)',
    'while :; do',
    '  if [ -x "$dir/node_modules/.bin/lambda-lint" ]; then found="$dir/node_modules/.bin/lambda-lint"; break; fi',
    '  [ "$dir" = / ] && break',
    '  dir=$(dirname -- "$dir")',
    'done',
    'if [ -n "$found" ]; then',
    '  set -- "$found"',
    'elif command -v lambda-lint >/dev/null 2>&1; then',
    '  set -- lambda-lint',
    'else',
    '  echo "pre-push: lambda-lint not found; install it (npm install --save-dev lambda-lint) or delete $0" >&2',
    '  exit 1',
    'fi',
    '',
    ['exec "$@"', ...lintArguments.map(shellQuote)].join(' '),
    '',
  );
  return lines.join('\n');
}

/** Quotes a word for POSIX sh with single quotes, so globs reach lambda-lint unexpanded. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./=:@%+-]+$/.test(word)) {
    return word;
  }
  return `'${word.replaceAll("'", "'\\''")}'`;
}

function runGit(gitArguments: string[], cwd: string): string {
  const result = spawnSync('git', gitArguments, { cwd, encoding: 'utf8' });
  if (result.error !== undefined) {
    const reason = (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git not found on PATH' : result.error.message;
    throw new HookInstallError(`cannot run git: ${reason}`);
  }
  if (result.status !== 0) {
    const reason = result.stderr.trim().split('\n')[0] ?? '';
    throw new HookInstallError(`${cwd} is not inside a git work tree (git rev-parse: ${reason})`);
  }
  return result.stdout.trim();
}

function displayPath(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd.startsWith('..') ? path : fromCwd;
}
