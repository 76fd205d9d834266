import { displayName, type ArtifactModel } from '../analysis/model.js';
import type { Finding, FindingInput, Rule, RuleLevel, Severity } from './rule.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The model fields that differ between the same package seen on two runtimes or architectures (see
 * modelForRuntime). A rule that reads none of them gives the same findings on every runtime.
 */
const RUNTIME_FIELDS: ReadonlySet<PropertyKey> = new Set<keyof ArtifactModel>(['settings', 'entrypoint', 'libraries', 'loadedByEntrypoint']);

/** Findings of one run, and the rules whose findings do not depend on the runtime or architecture. */
export interface RuleRun {
  findings: Finding[];
  runtimeIndependent: Set<Rule>;
}

/**
 * Runs every enabled rule on the model. `levels` maps a rule code or name to a level that replaces
 * the rule's default; a finding's own severity is replaced too.
 */
export function runRules(model: ArtifactModel, rules: readonly Rule[], levels: ReadonlyMap<string, RuleLevel>): Finding[] {
  return runRulesTracked(model, rules, levels, false).findings;
}

/**
 * Runs the rules like runRules and, when `track` is true, also records which rules never read a
 * runtime field of the model. Such a rule followed the same path it would follow on any runtime, so
 * the compatibility summary can reuse its findings instead of running it again.
 */
export function runRulesTracked(model: ArtifactModel, rules: readonly Rule[], levels: ReadonlyMap<string, RuleLevel>, track: boolean): RuleRun {
  const findings: Finding[] = [];
  const runtimeIndependent = new Set<Rule>();

  for (const rule of rules) {
    const configured = levels.get(rule.code) ?? levels.get(rule.name);
    const level = configured ?? rule.defaultLevel;
    if (level === 'off') {
      continue;
    }
    if (model.archiveError !== null && rule.checksDamagedArchive !== true) {
      continue;
    }

    const report = (input: FindingInput): void => {
      let entryName: string | null = input.entryName ?? null;
      if (input.entry !== undefined && input.entry !== null) {
        entryName = displayName(input.entry);
      }

      findings.push({
        ruleId: rule.code,
        ruleName: rule.name,
        severity: configured !== undefined ? level : (input.severity ?? level),
        entry: entryName,
        message: input.message,
        fix: input.fix,
        detail: input.detail ?? null,
        ...(input.blocksStart === true ? { blocksStart: true } : {}),
        ...(input.unconfirmedStart === true ? { unconfirmedStart: true } : {}),
      });
    };

    if (!track) {
      rule.check({ model, report });
      continue;
    }

    let readRuntimeField = false;
    const watched = new Proxy(model, {
      get(target, property, receiver) {
        if (RUNTIME_FIELDS.has(property)) {
          readRuntimeField = true;
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    rule.check({ model: watched, report });
    if (!readRuntimeField) {
      runtimeIndependent.add(rule);
    }
  }

  return { findings: sortFindings(findings), runtimeIndependent };
}

/** Sorts findings by severity, then rule code, in place, and returns them. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId));
}
