import { displayName, type ArtifactModel } from '../analysis/model.js';
import type { Finding, FindingInput, Rule, RuleLevel, Severity } from './rule.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every enabled rule on the model. `levels` maps a rule code or name to a level that replaces
 * the rule's default; a finding's own severity is replaced too.
 */
export function runRules(model: ArtifactModel, rules: readonly Rule[], levels: ReadonlyMap<string, RuleLevel>): Finding[] {
  const findings: Finding[] = [];

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
      });
    };

    rule.check({ model, report });
  }

  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
}
