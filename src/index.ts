import { RULES } from '../rules/index.js';
import { lint as lintWithRules, type LintOptions } from './lint.js';
import type { LintReport } from './report.js';

export { OptionError } from './lint.js';
export type { LintOptions } from './lint.js';
export type { ArtifactReport, ElfSummary, EntrySummary, LintReport } from './report.js';
export type { Finding, Rule, RuleLevel, Severity } from './engine/rule.js';
export type { Architecture, RuntimeInfo } from './runtimes/runtime.js';
export { listRuntimes, findRuntime } from './runtimes/runtime.js';
export { RULES } from '../rules/index.js';

/**
 * Lints deployment packages (zip files, folders, or a single ELF file checked as `bootstrap`) and
 * returns the report.
 * Rejects with `OptionError` for an unknown runtime or an architecture the runtime lacks.
 */
export function lint(paths: string[], options: LintOptions = {}): Promise<LintReport> {
  return lintWithRules(paths, { ...options, rules: options.rules ?? RULES });
}
