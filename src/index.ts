import { RULES } from '../rules/index.js';
import { lint as lintWithRules, type LintInput, type LintOptions } from './lint.js';
import type { LintReport } from './report.js';

export { OptionError } from './lint.js';
export type { LintInput, LintOptions } from './lint.js';
export { REPORT_FORMAT_VERSION } from './report.js';
export type { ArtifactFunction, ArtifactReport, ElfSummary, EntrySummary, LintReport, SkippedFunction } from './report.js';
export type { FunctionTarget } from './templates/function-target.js';
export { readFunctionTargets } from './templates/function-targets.js';
export { TemplateError } from './templates/read-template.js';
export type { Finding, Rule, RuleLevel, Severity } from './engine/rule.js';
export type { CompatibilityResult } from './analysis/compatibility.js';
export type { ReadProgress, ReadProgressListener } from './analysis/model.js';
export type { SuppressedFinding } from './config/ignores.js';
export { ConfigError, loadConfig } from './config/load-config.js';
export type { ArtifactSettings, IgnoreEntry, LintConfig, LoadedConfig } from './config/load-config.js';
export { formatReport } from './format/format-report.js';
export type { FormatOptions, ReportFormat } from './format/format-report.js';
export type { Architecture, RuntimeInfo } from './runtimes/runtime.js';
export { listRuntimes, findRuntime } from './runtimes/runtime.js';
export { RULES } from '../rules/index.js';

/**
 * Lints deployment packages (zip files, folders, or a single ELF file checked as `bootstrap`) and
 * template functions (from `readFunctionTargets`), and returns the report. Paths are used as given:
 * globs are not expanded, and no configuration file is read unless its settings are passed in
 * `options` (see `loadConfig`). Rejects with `OptionError` for an unknown runtime or an
 * architecture the runtime lacks.
 */
export function lint(inputs: LintInput[], options: LintOptions = {}): Promise<LintReport> {
  return lintWithRules(inputs, { ...options, rules: options.rules ?? RULES });
}
