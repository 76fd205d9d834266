import type { Finding, Rule, RuleLevel } from '../engine/rule.js';
import { runRules, sortFindings, type RuleRun } from '../engine/run-rules.js';
import { listRuntimes, type Architecture } from '../runtimes/runtime.js';
import type { ArtifactModel } from './model.js';
import { modelForRuntime } from './variant.js';

/** Whether the package would start on one runtime and architecture, and why not. */
export interface CompatibilityResult {
  runtime: string;
  architecture: Architecture;
  starts: boolean;
  /** The first few errors it would meet, e.g. `bootstrap: glibc-version-too-new (GLIBC_2.28)`. */
  reasons: string[];
  /** The first few warnings that would stop it, on a runtime where it starts, if an unconfirmed fact is true. */
  unconfirmed: string[];
}

const MAX_REASONS = 3;

/**
 * Runs the rules against every runtime of the same family (custom runtimes against provided.*,
 * Node.js against nodejs*.x, ...) on each of its architectures. A runtime and architecture on which
 * no error is found is one the package starts on. Rules marked `deploymentOnly` (lifecycle dates) do
 * not count. `mainRun` is the tracked run on the configured runtime: the findings of rules that read
 * nothing runtime-specific are taken from it rather than computed again for every runtime.
 */
export function assessCompatibility(
  model: ArtifactModel,
  rules: readonly Rule[],
  levels: ReadonlyMap<string, RuleLevel>,
  mainRun: RuleRun,
): CompatibilityResult[] {
  if (model.archiveError !== null) {
    return [];
  }

  const startRules = rules.filter((rule) => rule.deploymentOnly !== true);
  const rerun = startRules.filter((rule) => !mainRun.runtimeIndependent.has(rule));
  const reusedCodes = new Set(startRules.filter((rule) => mainRun.runtimeIndependent.has(rule)).map((rule) => rule.code));
  const reused = mainRun.findings.filter((finding) => reusedCodes.has(finding.ruleId));

  const family = model.settings.runtime.family;
  const results: CompatibilityResult[] = [];

  for (const runtime of listRuntimes().filter((candidate) => candidate.family === family)) {
    for (const architecture of Object.keys(runtime.architectures) as Architecture[]) {
      // Sorted as runRules sorts, so the first reason is the one the findings list shows first.
      const findings = sortFindings([...reused, ...runRules(modelForRuntime(model, runtime, architecture), rerun, levels)]);
      const errors = findings.filter((finding) => finding.severity === 'error' || finding.blocksStart === true);
      const starts = errors.length === 0;
      const unconfirmed = starts ? findings.filter((finding) => finding.unconfirmedStart === true) : [];
      results.push({
        runtime: runtime.id,
        architecture,
        starts,
        reasons: [...new Set(errors.map(describeReason))].slice(0, MAX_REASONS),
        unconfirmed: [...new Set(unconfirmed.map(describeReason))].slice(0, MAX_REASONS),
      });
    }
  }
  return results;
}

/** `bootstrap: glibc-version-too-new (GLIBC_2.34)`: the entry, the rule and the stable detail. */
function describeReason(finding: Finding): string {
  const subject = finding.entry ?? 'package';
  const detail = finding.detail === null ? '' : ` (${finding.detail})`;
  return `${subject}: ${finding.ruleName}${detail}`;
}

/**
 * Summarizes the results in one line: `runs on provided.al2023 (x86_64, arm64); not on provided.al2, provided: bootstrap: glibc-version-too-new (GLIBC_2.34)`.
 * A runtime that fails is explained by its result for `architecture` when it has one.
 */
export function summarizeCompatibility(results: CompatibilityResult[], architecture: Architecture): string | null {
  if (results.length === 0) {
    return null;
  }

  const byRuntime = new Map<string, CompatibilityResult[]>();
  for (const result of results) {
    byRuntime.set(result.runtime, [...(byRuntime.get(result.runtime) ?? []), result]);
  }

  const runs: string[] = [];
  const failsByReason = new Map<string, string[]>();
  for (const [runtime, perArchitecture] of byRuntime) {
    const good = perArchitecture.filter((result) => result.starts);
    if (good.length > 0) {
      const unconfirmed = good.flatMap((result) => result.unconfirmed)[0];
      const condition = unconfirmed === undefined ? '' : `; unconfirmed: ${unconfirmed}`;
      runs.push(`${runtime} (${good.map((result) => result.architecture).join(', ')}${condition})`);
      continue;
    }
    const explaining = perArchitecture.find((result) => result.architecture === architecture) ?? perArchitecture[0];
    const reason = explaining.reasons[0] ?? 'unknown';
    failsByReason.set(reason, [...(failsByReason.get(reason) ?? []), runtime]);
  }

  const parts: string[] = [];
  parts.push(runs.length > 0 ? `runs on ${runs.join(', ')}` : 'runs on no runtime of this family');
  for (const [reason, runtimes] of failsByReason) {
    parts.push(`not on ${runtimes.join(', ')}: ${reason}`);
  }
  return parts.join('; ');
}
