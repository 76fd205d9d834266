import { RULES } from '../rules/index.js';
import { lint as lintWithRules, type LintInput, type LintOptions } from './lint.js';
import type { LintReport } from './report.js';

export { OptionError } from './lint.js';
export type { LintInput, LintOptions } from './lint.js';
export type { ArtifactFunction, ArtifactReport, ElfSummary, EntrySummary, LintReport, SkippedFunction } from './report.js';
export type { FunctionTarget } from './templates/function-target.js';
export { readFunctionTargets } from './templates/function-targets.js';
export { TemplateError } from './templates/read-template.js';
export type { Finding, Rule, RuleLevel, Severity } from './engine/rule.js';
export type { Architecture, RuntimeInfo } from './runtimes/runtime.js';
export { listRuntimes, findRuntime } from './runtimes/runtime.js';
export { RULES } from '../rules/index.js';

/**
 * Lints deployment packages (zip files or folders) and template functions (from
 * `readFunctionTargets`) and returns the report. Rejects with `OptionError` for an unknown runtime
 * or an architecture the runtime lacks.
 */
export function lint(inputs: LintInput[], options: LintOptions = {}): Promise<LintReport> {
  return lintWithRules(inputs, { ...options, rules: options.rules ?? RULES });
}
