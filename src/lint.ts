import { resolve } from 'node:path';

import { InputError, analyzeArtifact } from './analysis/analyze-artifact.js';
import type { LintSettings, ReadProgressListener } from './analysis/model.js';
import { applyIgnores, artifactOverride } from './config/ignores.js';
import type { ArtifactSettings, IgnoreEntry } from './config/load-config.js';
import { assessCompatibility, summarizeCompatibility } from './analysis/compatibility.js';
import type { AnalyzedEntry } from './analysis/model.js';
import { describeEntrypoint, summarizeEntry } from './describe.js';
import type { Rule, RuleLevel, Severity } from './engine/rule.js';
import { runRulesTracked } from './engine/run-rules.js';
import { REPORT_FORMAT_VERSION, type ArtifactReport, type LintReport, type SkippedFunction } from './report.js';
import { findRuntime, listRuntimes, type Architecture } from './runtimes/runtime.js';
import { targetSkipReason, type FunctionTarget } from './templates/function-target.js';
import { toolVersion } from './version.js';

export interface LintOptions {
  /** Runtime identifier, e.g. `provided.al2023` (the default). Overrides the configuration. */
  runtime?: string;
  /** `x86_64` (the default) or `arm64`. */
  architecture?: Architecture;
  /** The function's Handler setting; custom runtimes only pass it to bootstrap. */
  handler?: string;
  /** `function` (the default) for a function's package, `layer` to lint a layer zip on its own. */
  kind?: 'function' | 'layer';
  /** Layer zips or folders in attachment order; they are extracted to /opt, later ones on top. */
  layers?: string[];
  /** Rule code or name to level (`off`, `info`, `warning`, `error`), replacing the rule's default. */
  ruleLevels?: Record<string, RuleLevel>;
  /** Today's date for lifecycle rules; defaults to the current date. */
  now?: Date;
  /** The rules to run; defaults to every rule. */
  rules?: readonly Rule[];
  /** Settings below the options above and above the defaults, e.g. from a configuration file. */
  defaults?: ArtifactSettings;
  /** Per-artifact settings: the first entry whose `files` glob matches the artifact path applies. */
  artifactOverrides?: Array<ArtifactSettings & { files: string }>;
  /** Findings to suppress, each with a reason. */
  ignores?: IgnoreEntry[];
  /** Folder that globs and layer paths of `defaults`, `artifactOverrides` and `ignores` are relative to. */
  configDirectory?: string;
  /** Called as the entries of each package (artifact or layer) are read, e.g. to draw a progress line. */
  onProgress?: ReadProgressListener;
}

/** An option value lambda-lint cannot use, such as an unknown runtime (exit code 2 in the CLI). */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * One input of `lint()`: a deployment package path, linted with the options and the configuration,
 * or a template function, linted with its own settings from the template below the explicit options.
 */
export type LintInput = string | FunctionTarget;

/**
 * Lints each deployment package (a .zip or a folder holding an unpacked package) and returns one
 * report for all of them. Nothing is extracted, executed or modified.
 */
export async function lint(inputs: LintInput[], options: LintOptions & { rules: readonly Rule[] }): Promise<LintReport> {
  const configDirectory = options.configDirectory ?? process.cwd();
  const levels = new Map(Object.entries(options.ruleLevels ?? {}));
  const ignores = options.ignores ?? [];
  const usedIgnores = new Set<IgnoreEntry>();
  const now = options.now ?? new Date();

  const artifacts: ArtifactReport[] = [];
  const { planned, skippedFunctions } = planInputs(inputs, options, configDirectory, now);
  for (const plan of planned) {
    if ('invalid' in plan) {
      artifacts.push(invalidFunctionReport(plan.invalid));
      continue;
    }

    const { input, path, settings } = plan;
    const report = await lintOne(path, settings.layers, settings.lint, options.rules, levels, options.onProgress);
    if (typeof input !== 'string') {
      report.function = { logicalId: input.logicalId, template: input.template, notes: input.notes };
    }

    const { unsuppressed, suppressed } = applyIgnores(report.findings, path, configDirectory, ignores, usedIgnores);
    report.findings = unsuppressed;
    report.suppressedFindings = suppressed;
    report.counts = emptyCounts();
    for (const finding of unsuppressed) {
      report.counts[finding.severity] += 1;
    }
    artifacts.push(report);
  }

  const counts = emptyCounts();
  for (const artifact of artifacts) {
    for (const severity of Object.keys(counts) as Severity[]) {
      counts[severity] += artifact.counts[severity];
    }
  }

  return {
    formatVersion: REPORT_FORMAT_VERSION,
    tool: { name: 'lambda-lint', version: toolVersion() },
    artifacts,
    counts,
    unreadableArtifacts: artifacts.filter((artifact) => artifact.inputError !== null).length,
    unusedIgnores: ignores.filter((ignore) => !usedIgnores.has(ignore)),
    skippedFunctions,
  };
}

/**
 * The artifact path and settings for one input, the reason a template function is skipped, or the
 * error of a template function that cannot be linted as written (an unknown Runtime).
 */
type PlannedInput =
  | { path: string; override: (ArtifactSettings & { files: string }) | undefined; settings: ResolvedSettings }
  | { skipped: SkippedFunction }
  | { invalid: InvalidFunction };

/** A template function whose settings are wrong, reported as an unreadable artifact (exit code 2 in the CLI). */
interface InvalidFunction {
  target: FunctionTarget;
  message: string;
}

type LintablePlan = Extract<PlannedInput, { path: string }> & { input: LintInput };

/** Plans every input, keeping the ones to lint in order and listing skipped template functions apart. */
function planInputs(
  inputs: LintInput[],
  options: LintOptions,
  configDirectory: string,
  now: Date,
): { planned: Array<LintablePlan | { invalid: InvalidFunction }>; skippedFunctions: SkippedFunction[] } {
  const planned: Array<LintablePlan | { invalid: InvalidFunction }> = [];
  const skippedFunctions: SkippedFunction[] = [];
  for (const input of inputs) {
    const plan = planInput(input, options, configDirectory, now);
    if ('skipped' in plan) {
      skippedFunctions.push(plan.skipped);
      continue;
    }
    if ('invalid' in plan) {
      planned.push(plan);
      continue;
    }
    planned.push({ ...plan, input });
  }
  return { planned, skippedFunctions };
}

/**
 * Decides how one input is linted. A path gets its `artifacts` entry and the configuration's
 * defaults. A template function gets the template's values instead, which the configuration file
 * does not change; explicit options still win.
 */
function planInput(input: LintInput, options: LintOptions, configDirectory: string, now: Date): PlannedInput {
  if (typeof input === 'string') {
    const override = artifactOverride(options.artifactOverrides ?? [], input, configDirectory);
    return { path: input, override, settings: resolveSettings(options, override, configDirectory, now) };
  }

  // An unknown Runtime is retired or misspelled: skipping it would let a CI gate pass unchecked.
  if (options.runtime === undefined && input.runtime !== null && findRuntime(input.runtime) === undefined) {
    const message =
      `Runtime ${input.runtime} in ${input.template} is not in lambda-lint's runtime data: it is retired or misspelled ` +
      '(lambda-lint runtimes lists the known ones); pass --runtime to lint it as another';
    return { invalid: { target: input, message } };
  }

  const reason = targetSkipReason(input, { runtime: options.runtime, handler: options.handler, architecture: options.architecture });
  if (reason !== null || input.codePath === null) {
    return { skipped: { logicalId: input.logicalId, template: input.template, reason: reason ?? 'its package is not on this machine' } };
  }

  const templateSettings: ArtifactSettings = {
    runtime: input.runtime ?? undefined,
    arch: input.architecture ?? undefined,
    handler: input.handler ?? undefined,
    kind: 'function',
  };
  const settings = resolveSettings({ ...options, defaults: templateSettings }, undefined, configDirectory, now);
  // Template layer paths are relative to the working directory already, not to the configuration's folder.
  if (options.layers === undefined || options.layers.length === 0) {
    settings.layers = input.layers;
  }
  return { path: input.codePath, override: undefined, settings };
}

/** The settings that apply to one artifact, as `--print-config` shows them. */
export interface EffectiveSettings {
  path: string;
  /** The template function's logical id, or null for a path named on its own. */
  logicalId: string | null;
  /** The `files` glob of the configuration's `artifacts` entry that matched, or null. */
  matchedArtifactsEntry: string | null;
  runtime: string;
  arch: Architecture;
  handler: string | null;
  kind: 'function' | 'layer';
  layers: string[];
}

/**
 * Resolves the settings for each input without reading it; throws OptionError like `lint`. Skipped
 * template functions are listed apart.
 */
export function effectiveSettings(inputs: LintInput[], options: LintOptions): { settings: EffectiveSettings[]; skippedFunctions: SkippedFunction[] } {
  const configDirectory = options.configDirectory ?? process.cwd();
  const now = options.now ?? new Date();

  const { planned, skippedFunctions } = planInputs(inputs, options, configDirectory, now);
  const settings: EffectiveSettings[] = [];
  for (const plan of planned) {
    if ('invalid' in plan) {
      skippedFunctions.push({ logicalId: plan.invalid.target.logicalId, template: plan.invalid.target.template, reason: plan.invalid.message });
      continue;
    }
    settings.push(describeSettings(plan.input, plan.path, plan.override, plan.settings));
  }
  return { settings, skippedFunctions };
}

function describeSettings(
  input: LintInput,
  path: string,
  override: (ArtifactSettings & { files: string }) | undefined,
  settings: ResolvedSettings,
): EffectiveSettings {
  return {
    path,
    logicalId: typeof input === 'string' ? null : input.logicalId,
    matchedArtifactsEntry: override?.files ?? null,
    runtime: settings.lint.runtime.id,
    arch: settings.lint.architecture,
    handler: settings.lint.handler,
    kind: settings.lint.kind,
    layers: settings.layers,
  };
}

interface ResolvedSettings {
  lint: LintSettings;
  layers: string[];
}

/** Merges, for one artifact: explicit options, then its override, then the defaults, then built-ins. */
function resolveSettings(
  options: LintOptions,
  override: ArtifactSettings | undefined,
  configDirectory: string,
  now: Date,
): ResolvedSettings {
  const defaults = options.defaults ?? {};
  const runtimeId = options.runtime ?? override?.runtime ?? defaults.runtime ?? 'provided.al2023';
  const runtime = findRuntime(runtimeId);
  if (runtime === undefined) {
    const known = listRuntimes()
      .map((candidate) => candidate.id)
      .join(', ');
    throw new OptionError(`unknown runtime "${runtimeId}"; known runtimes: ${known}`);
  }

  const architecture = options.architecture ?? override?.arch ?? defaults.arch ?? 'x86_64';
  if (runtime.architectures[architecture] === undefined) {
    const supported = Object.keys(runtime.architectures).join(', ');
    throw new OptionError(`${runtime.id} does not run on ${architecture}; it supports ${supported}`);
  }

  const configLayers = (override?.layers ?? defaults.layers ?? []).map((layer) => resolve(configDirectory, layer));
  return {
    lint: {
      kind: options.kind ?? override?.kind ?? defaults.kind ?? 'function',
      runtime,
      architecture,
      handler: options.handler ?? override?.handler ?? defaults.handler ?? null,
      now,
    },
    layers: options.layers !== undefined && options.layers.length > 0 ? options.layers : configLayers,
  };
}

/** The report of a template function that cannot be linted as written: an unreadable artifact naming the reason. */
function invalidFunctionReport(invalid: InvalidFunction): ArtifactReport {
  const target = invalid.target;
  const report = emptyArtifactReport(target.codePath ?? target.template, target.runtime ?? '', target.architecture ?? 'x86_64', target.layers);
  report.function = { logicalId: target.logicalId, template: target.template, notes: target.notes };
  report.inputError = invalid.message;
  return report;
}

/** Returns an artifact report with nothing found yet. */
function emptyArtifactReport(path: string, runtime: string, architecture: Architecture, layers: string[]): ArtifactReport {
  return {
    path,
    function: null,
    kind: null,
    runtime,
    architecture,
    layers,
    inputError: null,
    entrypoint: null,
    entrypointFile: null,
    entrypointDescription: null,
    compatibility: [],
    compatibilitySummary: null,
    entries: [],
    findings: [],
    suppressedFindings: [],
    counts: emptyCounts(),
  };
}

async function lintOne(
  path: string,
  layers: string[],
  settings: LintSettings,
  rules: readonly Rule[],
  levels: Map<string, RuleLevel>,
  onProgress: ReadProgressListener | undefined,
): Promise<ArtifactReport> {
  const report = emptyArtifactReport(path, settings.runtime.id, settings.architecture, layers);

  let model;
  try {
    model = await analyzeArtifact(path, layers, settings, onProgress);
  } catch (error) {
    if (error instanceof InputError) {
      report.inputError = error.message;
      return report;
    }
    throw error;
  }

  report.kind = model.kind;
  report.entrypoint = model.entrypoint.path;
  report.entrypointFile = model.entrypoint.entry?.path ?? null;
  report.entrypointDescription = describeEntrypoint(model);
  const mainRun = runRulesTracked(model, rules, levels, true);
  report.compatibility = assessCompatibility(model, rules, levels, mainRun);
  report.compatibilitySummary = summarizeCompatibility(report.compatibility, settings.architecture);
  report.entries = model.parts.flatMap((part) => part.entries.map((analyzed: AnalyzedEntry) => summarizeEntry(analyzed)));
  // blocksStart and unconfirmedStart only inform the compatibility summary; they are not part of a report.
  report.findings = mainRun.findings.map(({ blocksStart: _blocksStart, unconfirmedStart: _unconfirmedStart, ...finding }) => finding);

  for (const finding of report.findings) {
    report.counts[finding.severity] += 1;
  }
  return report;
}

function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0 };
}
