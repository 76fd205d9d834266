#!/usr/bin/env node
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

import { printableName } from '../src/archive/names.js';
import { expandInputs } from '../src/inputs.js';
import { discoverBuildOutputs, SEARCHED_PATTERNS } from '../src/discover-build-output.js';
import type { FunctionTarget } from '../src/templates/function-target.js';
import { readTemplatesFunctionTargets } from '../src/templates/function-targets.js';
import { TemplateError } from '../src/templates/read-template.js';
import { ConfigError, loadConfig, type LoadedConfig } from '../src/config/load-config.js';
import { findRule, readDocsPage } from '../src/docs-pages.js';
import { OptionError, RULES, lint, type LintReport, type RuleLevel } from '../src/index.js';
import { effectiveSettings } from '../src/lint.js';
import { formatReport } from '../src/format/format-report.js';
import { formatGithubSummary } from '../src/format/github.js';
import { formatRulesJson, formatRulesText } from '../src/format/rules.js';
import { formatRuntimesJson, formatRuntimesText } from '../src/format/runtimes.js';
import { findRuntime, listRuntimes } from '../src/runtimes/runtime.js';
import { ProgressLine } from '../src/progress-line.js';
import { runHookCommand } from '../src/hooks/hook-command.js';
import { findOperands, isSubcommand, type Subcommand } from '../src/subcommands.js';
import { toolVersion } from '../src/version.js';

/** Exit codes: 0 clean or warnings only, 1 errors (or too many warnings), 2 usage or unreadable input, 3 internal failure. */
const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

interface CliOptions {
  runtime?: string;
  arch?: 'x86_64' | 'arm64';
  handler?: string;
  kind?: 'function' | 'layer';
  rule: string[];
  config?: string;
  printConfig?: boolean;
  reportUnusedIgnores: boolean;
  includeSuppressed: boolean;
  layer: string[];
  template: string[];
  parameterOverrides: Record<string, string>;
  sarifCategory?: string;
  format: 'text' | 'json' | 'sarif' | 'github';
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  requireStatic: boolean;
  color: boolean;
  today?: Date;
}

const RULE_LEVELS = new Set(['off', 'info', 'warning', 'error']);

/**
 * Finds a runtime id in the configuration that lambda-lint does not know, with its JSON pointer, so
 * a typo fails when the file is read and not only once an artifact matches the entry.
 */
function unknownConfigRuntime(loaded: LoadedConfig): { runtime: string; at: string } | null {
  const named: Array<{ runtime: string | undefined; at: string }> = [
    { runtime: loaded.config.runtime, at: '/runtime' },
    ...(loaded.config.artifacts ?? []).map((artifact, index) => ({ runtime: artifact.runtime, at: `/artifacts/${index}/runtime` })),
  ];
  for (const { runtime, at } of named) {
    if (runtime !== undefined && findRuntime(runtime) === undefined) {
      return { runtime, at };
    }
  }
  return null;
}

/** Turns `--rule name=level` options into a map; an unknown rule or level is a usage error. */
function parseRuleOptions(values: string[]): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  for (const value of values) {
    const [name, level] = value.split('=');
    if (level === undefined || !RULE_LEVELS.has(level)) {
      throw new InvalidArgumentError(`--rule ${value}: expected <code or name>=<off|info|warning|error>`);
    }
    if (findRule(RULES, name) === undefined) {
      throw new InvalidArgumentError(`--rule ${value}: no rule with code or name "${name}"`);
    }
    levels[name] = level as RuleLevel;
  }
  return levels;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function parseCount(value: string): number {
  const count = Number(value);
  if (value.trim() === '' || !Number.isInteger(count) || count < 0) {
    throw new InvalidArgumentError('expected a whole number of 0 or more.');
  }
  return count;
}

function parseDate(value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  }
  return date;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Adds `Key=Value` pairs, separated by spaces as sam deploy's --parameter-overrides writes them. */
function collectParameters(value: string, previous: Record<string, string>): Record<string, string> {
  const values = { ...previous };
  for (const pair of value.split(/\s+/).filter((word) => word !== '')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new InvalidArgumentError(`"${pair}" is not Key=Value`);
    }
    values[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return values;
}

/** Synopsis and one-line description of each subcommand, for help and usage messages. */
const COMMAND_USAGES: Record<Subcommand, { synopsis: string; description: string }> = {
  runtimes: { synopsis: 'lambda-lint runtimes [--format text|json]', description: 'list the known runtimes with OS, glibc, architectures and status' },
  rules: { synopsis: 'lambda-lint rules [--format text|json]', description: 'list every rule: code, name, default level, summary' },
  explain: { synopsis: 'lambda-lint explain <code|name>', description: "print a rule's documentation page" },
  hook: { synopsis: 'lambda-lint hook install [--force] [args]', description: 'write a git pre-push hook that runs lambda-lint with args' },
};

/** Returns the flags of `command` that take their value in the next argument, such as `--runtime` and `-o`. */
function optionsWithValue(command: Command): Set<string> {
  const flags = new Set<string>();
  for (const option of command.options) {
    if (!option.required && !option.optional) {
      continue;
    }
    for (const flag of [option.long, option.short]) {
      if (flag !== undefined) {
        flags.add(flag);
      }
    }
  }
  return flags;
}

function buildProgram(): Command {
  return new Command()
    .name('lambda-lint')
    .description('Check an AWS Lambda deployment package (.zip or folder) before upload.')
    .version(toolVersion(), '--version', 'print the version and exit')
    .argument('[path...]', 'deployment package: a .zip, a folder holding an unpacked package, or a glob matching either')
    .addOption(new Option('--runtime <id>', 'Lambda runtime identifier, e.g. provided.al2, nodejs22.x, python3.12 (default: provided.al2023; see: lambda-lint runtimes)'))
    .addOption(new Option('--arch <arch>', 'instruction set architecture of the function (default: x86_64)').choices(['x86_64', 'arm64']))
    .option('--handler <string>', 'the function\'s Handler setting, e.g. index.handler (custom runtimes only pass it to bootstrap)')
    .addOption(new Option('--kind <kind>', 'what the artifact is: a function package, or a layer zip on its own (default: function)').choices(['function', 'layer']))
    .option('--layer <path>', 'a layer zip or folder, extracted to /opt; repeat in attachment order', collect, [])
    .option('--template <file>', 'a SAM or CloudFormation template (YAML or JSON) or a cdk.out stack template: lint each function with its own Runtime, Handler, Architectures and local layers; repeatable', collect, [])
    .option('--parameter-overrides <Key=Value...>', "template Parameter values, as sam deploy takes them ('Runtime=python3.12 Arch=arm64'); a Ref to such a Parameter resolves to the value; repeatable", collectParameters, {})
    .addOption(new Option('--format <format>', 'output format: text, json, sarif (SARIF 2.1.0) or github (workflow commands)').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--quiet', 'report errors only', false)
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseCount)
    .option('--require-static', 'policy: report dynamically linked executables as errors', false)
    .option('--rule <rule=level>', 'set a rule\'s level: code or name = off, info, warning or error; repeatable', collect, [])
    .option('-c, --config <file>', 'configuration file (default: lambda-lint.config.json, .lambdalintrc.json or package.json "lambdaLint", searched from the working directory up)')
    .option('--print-config', 'print the merged configuration and, for each path given, the settings that apply to it; then exit')
    .option('--report-unused-ignores', 'report ignore entries of the configuration that matched nothing, and exit with 1 if there are any', false)
    .option('--sarif-category <category>', 'the category GitHub code scanning tracks SARIF alerts under (default: lambda-lint/ and the artifact names); keep it fixed so alerts close when artifacts change')
    .option('--include-suppressed', 'write findings suppressed by ignore entries into SARIF output, with their reasons', false)
    .option('--no-color', 'never colour the text output (NO_COLOR and FORCE_COLOR are honoured too)')
    .addOption(new Option('--today <date>', 'date the lifecycle rules use instead of today, YYYY-MM-DD, for reproducible runs').argParser(parseDate))
    .helpOption('-h, --help', 'print this help and exit')
    .addHelpText(
      'after',
      '\nCommands:\n' +
        Object.values(COMMAND_USAGES)
          .map((usage) => `  ${usage.synopsis.padEnd(44)}${usage.description}\n`)
          .join('') +
        'The command is the first argument that is not an option. Options may come before or after it, but not before hook.\n' +
        'To lint a file or folder whose name is a command, write it as ./rules or put it after --.\n' +
        '\nWith no path and no --template, lambda-lint lints the build output it finds in the working directory:\n' +
        `  ${SEARCHED_PATTERNS.join(', ')}\n` +
        '\nExit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage error or unreadable input, 3 internal failure.',
    )
    .showSuggestionAfterError(false)
    .exitOverride();
}

function useColor(options: CliOptions): boolean {
  if (!options.color || options.output !== undefined) {
    return false;
  }
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    return force !== '0' && force !== 'false';
  }
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') {
    return false;
  }
  return process.stdout.isTTY === true;
}

function render(report: LintReport, options: CliOptions): string {
  return formatReport(report, options.format, {
    color: useColor(options),
    quiet: options.quiet,
    includeSuppressed: options.includeSuppressed,
    baseDirectory: process.cwd(),
    sarifCategory: options.sarifCategory,
  });
}

/**
 * Prints the merged configuration. With paths, it also prints, for each artifact, the settings that
 * apply to it after its `artifacts` entry and the command-line options are merged in.
 */
async function printConfig(
  loaded: LoadedConfig,
  options: CliOptions,
  ruleLevels: Record<string, RuleLevel>,
  args: string[],
  targets: FunctionTarget[],
): Promise<number> {
  const merged: Record<string, unknown> = {
    configFile: loaded.path,
    ...loaded.config,
    ...definedOnly({ runtime: options.runtime, arch: options.arch, handler: options.handler, kind: options.kind }),
    ...(options.layer.length > 0 ? { layers: options.layer } : {}),
    rules: ruleLevels,
  };

  if (args.length > 0 || targets.length > 0) {
    const expanded = await expandInputs(args);
    try {
      const effective = effectiveSettings([...expanded.paths, ...expanded.unmatched, ...targets], {
        runtime: options.runtime,
        architecture: options.arch,
        handler: options.handler,
        kind: options.kind,
        layers: options.layer,
        defaults: loaded.config,
        artifactOverrides: loaded.config.artifacts,
        configDirectory: loaded.directory,
      });
      merged.effective = effective.settings;
      if (effective.skippedFunctions.length > 0) {
        merged.skippedFunctions = effective.skippedFunctions;
      }
    } catch (error) {
      if (error instanceof OptionError) {
        process.stderr.write(`lambda-lint: ${error.message}\n`);
        return EXIT_USAGE;
      }
      throw error;
    }
  }

  process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
  return EXIT_OK;
}

/** Appends the Markdown summary to the file GitHub Actions names in GITHUB_STEP_SUMMARY, when set. */
function appendStepSummary(report: LintReport): void {
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile === undefined || summaryFile === '') {
    return;
  }
  try {
    appendFileSync(summaryFile, formatGithubSummary(report));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lambda-lint: cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${oneLine(reason)}\n`);
  }
}

/**
 * Finds the build output in the working directory when no path and no template is given, and lists
 * on stderr what it lints. Returns null, after printing how to name an artifact, when there is none.
 */
async function findBuildOutputs(): Promise<{ paths: string[]; templates: string[] } | null> {
  const found = await discoverBuildOutputs(process.cwd());
  if (found.length === 0) {
    process.stderr.write(`lambda-lint: no path given, and no build output found here (${SEARCHED_PATTERNS.join(', ')})\n`);
    process.stderr.write('lambda-lint: name a package (lambda-lint function.zip) or a template (lambda-lint --template template.yaml)\n');
    return null;
  }

  process.stderr.write('lambda-lint: no path given; linting the build output found here:\n');
  for (const output of found) {
    process.stderr.write(`lambda-lint:   ${output.path}  (${output.producer})\n`);
  }
  return {
    paths: found.filter((output) => output.kind === 'package').map((output) => output.path),
    templates: found.filter((output) => output.kind === 'template').map((output) => output.path),
  };
}

function exitCodeFor(report: LintReport, options: CliOptions, inputErrors: number): number {
  if (inputErrors > 0) {
    return EXIT_USAGE;
  }
  if (report.counts.error > 0) {
    return EXIT_FINDINGS;
  }
  if (options.maxWarnings !== undefined && report.counts.warning > options.maxWarnings) {
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Parses the arguments of a subcommand. Returns null when the command should run, or the exit code
 * when parsing ends the run: 0 after help, 2 after a usage error. `reordered` is true when options
 * came before the command name, so a usage error also shows how to lint a path of that name.
 */
function parseSubcommand(command: Command, args: string[], reordered: boolean): number | null {
  const name = command.name().replace(/^lambda-lint /, '');
  const hint = reordered ? `; to lint a path named ${name}, write ./${name}` : '';
  command
    .helpOption('-h, --help', 'print this help and exit')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => {
        const message = hint === '' ? oneLine(text) : `${oneLine(text).replace(/\.$/, '')}${hint}`;
        process.stderr.write(text.startsWith('error:') ? `lambda-lint: ${message}\n` : text);
      },
    });

  try {
    command.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return null;
}

/** Adds `--no-color` to a subcommand whose output is never coloured, so aliases that pass it still work. */
function acceptNoColor(command: Command): Command {
  return command.option('--no-color', 'accepted for aliases that pass it; this output is never coloured');
}

function runRuntimesCommand(args: string[], reordered: boolean): number {
  const command = acceptNoColor(
    new Command()
      .name('lambda-lint runtimes')
      .description('List the Lambda runtimes lambda-lint knows, with OS, glibc, architectures and lifecycle status.')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addOption(new Option('--today <date>', 'date the status is computed for instead of today, YYYY-MM-DD').argParser(parseDate)),
  );
  const parsed = parseSubcommand(command, args, reordered);
  if (parsed !== null) {
    return parsed;
  }

  const options = command.opts<{ format: 'text' | 'json'; today?: Date }>();
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const output =
    options.format === 'json' ? formatRuntimesJson(listRuntimes(), today) : formatRuntimesText(listRuntimes(), today);
  process.stdout.write(output);
  return EXIT_OK;
}

function runRulesCommand(args: string[], reordered: boolean): number {
  const command = acceptNoColor(
    new Command()
      .name('lambda-lint rules')
      .description('List every rule with its code, name, default level and summary.')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  );
  const parsed = parseSubcommand(command, args, reordered);
  if (parsed !== null) {
    return parsed;
  }

  const options = command.opts<{ format: 'text' | 'json' }>();
  process.stdout.write(options.format === 'json' ? formatRulesJson(RULES) : formatRulesText(RULES));
  return EXIT_OK;
}

function runExplainCommand(args: string[], reordered: boolean): number {
  const command = acceptNoColor(
    new Command()
      .name('lambda-lint explain')
      .description("Print a rule's documentation page, e.g. lambda-lint explain LL3006.")
      .argument('<code|name>', 'the rule\'s code or name'),
  );
  const parsed = parseSubcommand(command, args, reordered);
  if (parsed !== null) {
    return parsed;
  }

  const [name] = command.args;
  const rule = findRule(RULES, name);
  if (rule === undefined) {
    process.stderr.write(`lambda-lint: no rule with code or name "${name}"; lambda-lint rules lists them\n`);
    return EXIT_USAGE;
  }
  const page = readDocsPage(rule.name);
  if (page === null) {
    process.stderr.write(`lambda-lint: the documentation page of ${rule.code} is missing from this installation\n`);
    return EXIT_INTERNAL;
  }
  process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
  return EXIT_OK;
}

/**
 * Runs the subcommand found at `args[index]`, with the other arguments, so options may come before
 * or after its name. The hook command takes lint options as its arguments, so it must come first.
 */
function runSubcommand(name: Subcommand, args: string[], index: number): number {
  const rest = [...args.slice(0, index), ...args.slice(index + 1)];
  const reordered = index > 0;

  if (name === 'hook') {
    if (reordered) {
      process.stderr.write(`lambda-lint: hook is a command; put it first: ${COMMAND_USAGES.hook.synopsis}\n`);
      return EXIT_USAGE;
    }
    return runHookCommand(rest);
  }
  if (name === 'runtimes') {
    return runRuntimesCommand(rest, reordered);
  }
  if (name === 'rules') {
    return runRulesCommand(rest, reordered);
  }
  return runExplainCommand(rest, reordered);
}

async function main(argv: string[]): Promise<number> {
  // The first operand names a subcommand, wherever options put it. After `--`, every argument is a path.
  const args = argv.slice(2);
  const operands = findOperands(args, optionsWithValue(buildProgram()));
  if (operands.length > 0 && isSubcommand(operands[0].value)) {
    return runSubcommand(operands[0].value, args, operands[0].index);
  }

  const program = buildProgram();
  program.configureOutput({
    writeErr: (text) => process.stderr.write(text.startsWith('error:') ? `lambda-lint: ${oneLine(text)}\n` : text),
  });

  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return done ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }

  // A later operand with a command's name that is no file is a command in the wrong place, not a missing package.
  const misplaced = operands.find((operand) => isSubcommand(operand.value) && !existsSync(operand.value));
  if (misplaced !== undefined && isSubcommand(misplaced.value)) {
    process.stderr.write(`lambda-lint: ${misplaced.value} is a command; put it first: ${COMMAND_USAGES[misplaced.value].synopsis}\n`);
    return EXIT_USAGE;
  }

  const options = program.opts<CliOptions>();

  let loaded: LoadedConfig;
  let ruleLevels: Record<string, RuleLevel>;
  try {
    loaded = await loadConfig(process.cwd(), options.config);
    const named = [...Object.keys(loaded.config.rules ?? {}), ...(loaded.config.ignores ?? []).map((ignore) => ignore.rule)];
    const unknown = named.filter((name) => findRule(RULES, name) === undefined);
    if (unknown.length > 0) {
      throw new ConfigError(`config ${loaded.path ?? ''}: no rule with code or name ${unknown.map((name) => `"${name}"`).join(', ')}; lambda-lint rules lists them`);
    }
    const unknownRuntime = unknownConfigRuntime(loaded);
    if (unknownRuntime !== null) {
      throw new ConfigError(`config ${loaded.path ?? ''}: unknown runtime "${unknownRuntime.runtime}" at ${unknownRuntime.at}; lambda-lint runtimes lists them`);
    }
    ruleLevels = { ...(loaded.config.rules ?? {}), ...parseRuleOptions(options.rule) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InvalidArgumentError) {
      process.stderr.write(`lambda-lint: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (options.requireStatic) {
    ruleLevels['dynamic-linkage'] = 'error';
  }

  if (options.kind === 'layer' && options.layer.length > 0) {
    process.stderr.write('lambda-lint: --layer attaches layers to a function; it cannot be used with --kind layer\n');
    return EXIT_USAGE;
  }
  if (options.kind === 'layer' && options.template.length > 0) {
    process.stderr.write('lambda-lint: --template lints functions; it cannot be used with --kind layer\n');
    return EXIT_USAGE;
  }

  let paths = program.args;
  let templates = options.template;
  if (paths.length === 0 && templates.length === 0 && options.printConfig !== true) {
    const found = await findBuildOutputs();
    if (found === null) {
      return EXIT_USAGE;
    }
    ({ paths, templates } = found);
  }

  let targets: FunctionTarget[];
  try {
    targets = await readTemplatesFunctionTargets(templates, options.parameterOverrides);
  } catch (error) {
    if (error instanceof TemplateError) {
      process.stderr.write(`lambda-lint: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  if (options.printConfig === true) {
    return printConfig(loaded, options, ruleLevels, paths, targets);
  }

  // Arguments that match nothing stay in the report as unreadable artifacts, so every format shows them.
  const expanded = await expandInputs(paths);

  // Progress goes to stderr, so it does not mix with any output format, and only on a terminal.
  const progress = new ProgressLine(process.stderr, { enabled: !options.quiet });

  let report: LintReport;
  try {
    report = await lint([...expanded.paths, ...expanded.unmatched, ...targets], {
      runtime: options.runtime,
      architecture: options.arch,
      handler: options.handler,
      kind: options.kind,
      layers: options.layer,
      ruleLevels,
      now: options.today,
      defaults: loaded.config,
      artifactOverrides: loaded.config.artifacts,
      ignores: loaded.config.ignores,
      configDirectory: loaded.directory,
      onProgress: (state) => progress.update(state),
    });
  } catch (error) {
    if (error instanceof OptionError) {
      process.stderr.write(`lambda-lint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    progress.clear();
  }

  const inputErrors = report.artifacts.filter((artifact) => artifact.inputError !== null);
  // The message names the path, which may hold escape sequences or line breaks: print them escaped.
  for (const artifact of inputErrors) {
    const logicalId = artifact.function === null ? '' : `${artifact.function.logicalId}: `;
    process.stderr.write(`lambda-lint: ${printableName(logicalId)}${printableName(artifact.inputError ?? '')}\n`);
  }

  const rendered = render(report, options);
  if (options.format === 'github') {
    appendStepSummary(report);
  }

  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, rendered);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`lambda-lint: cannot write the report to ${options.output}: ${oneLine(reason)}\n`);
      return EXIT_USAGE;
    }
  } else {
    process.stdout.write(rendered);
  }

  // A template whose functions were all skipped checked nothing; passing would hide that in CI.
  if (report.artifacts.length === 0 && report.skippedFunctions.length > 0) {
    const count = report.skippedFunctions.length;
    process.stderr.write(`lambda-lint: nothing was linted: the ${count === 1 ? 'only function was' : `${count} functions were all`} skipped (reasons in the report)\n`);
    return EXIT_USAGE;
  }

  if (options.reportUnusedIgnores && report.unusedIgnores.length > 0) {
    for (const ignore of report.unusedIgnores) {
      const scope = [ignore.artifact === undefined ? '' : ` artifact ${ignore.artifact}`, ignore.entry === undefined ? '' : ` entry ${ignore.entry}`].join('');
      process.stderr.write(`lambda-lint: unused ignore: rule ${ignore.rule}${scope} ("${ignore.reason}") matched no finding\n`);
    }
    return Math.max(exitCodeFor(report, options, inputErrors.length), EXIT_FINDINGS);
  }

  if (options.maxWarnings !== undefined && report.counts.warning > options.maxWarnings && report.counts.error === 0) {
    process.stderr.write(
      `lambda-lint: ${report.counts.warning} ${report.counts.warning === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings} allows\n`,
    );
  }
  return exitCodeFor(report, options, inputErrors.length);
}

// A reader that stops early (`lambda-lint x.zip | head`) closes the pipe; that is no failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? EXIT_OK);
  }
  process.stderr.write(`lambda-lint: cannot write to standard output: ${error.message}\n`);
  process.exit(EXIT_USAGE);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lambda-lint: internal error: ${oneLine(message)}\n`);
    if (process.env.LAMBDA_LINT_DEBUG === '1' && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    process.exitCode = EXIT_INTERNAL;
  },
);
