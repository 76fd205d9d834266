import { HookInstallError, installPrePushHook } from './pre-push.js';

const USAGE = `Usage: lambda-lint hook install [--force] [lambda-lint arguments...]

Write a git pre-push hook that runs lambda-lint with the arguments given, e.g.
  lambda-lint hook install 'build/*.zip'
  lambda-lint hook install --runtime provided.al2023 'target/lambda/*/bootstrap'
With no arguments the hook runs lambda-lint with no path. Quote globs, so lambda-lint expands them
at each push instead of the shell expanding them once now. The hook goes to the folder
\`git rev-parse --git-path hooks\` names (core.hooksPath when set).

Options:
  --force     replace an existing pre-push hook
  -h, --help  print this help and exit
`;

/** Exit codes as in the main command: 0 done, 2 usage error or a hook that cannot be written. */
const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** Runs `lambda-lint hook <subcommand>`; `argv` starts after `hook`. Returns the exit code. */
export function runHookCommand(argv: string[], cwd: string = process.cwd()): number {
  const [subcommand, ...rest] = argv;

  if (subcommand === '-h' || subcommand === '--help') {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (subcommand !== 'install') {
    const problem = subcommand === undefined ? 'missing subcommand' : `unknown subcommand "${subcommand}"`;
    process.stderr.write(`lambda-lint: hook: ${problem}. Usage: lambda-lint hook install [--force] [lambda-lint arguments...]\n`);
    return EXIT_USAGE;
  }

  let force = false;
  const lintArguments: string[] = [];
  for (const argument of rest) {
    if (argument === '--force') {
      force = true;
    } else if (argument === '-h' || argument === '--help') {
      process.stdout.write(USAGE);
      return EXIT_OK;
    } else {
      lintArguments.push(argument);
    }
  }

  try {
    const result = installPrePushHook({ cwd, lintArguments, force });
    process.stdout.write(`lambda-lint: wrote ${result.hookPath}; before each git push it runs: ${result.command}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof HookInstallError) {
      process.stderr.write(`lambda-lint: hook install: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
