import type { AnalyzedEntry, ArtifactModel } from '../analysis/model.js';

export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or off. */
export type RuleLevel = Severity | 'off';

/** One problem found in one artifact. */
export interface Finding {
  /** Stable rule code, e.g. `LL3006`; never reused for another rule. */
  ruleId: string;
  /** Kebab-case rule name, e.g. `glibc-version-too-new`. */
  ruleName: string;
  severity: Severity;
  /** Entry the finding is about, as named in the zip (layer entries as `layer.zip!name`); null for the whole artifact. */
  entry: string | null;
  /** The problem, the runtime fact behind it and the Lambda error it leads to. */
  message: string;
  /** The change that makes the error go away. */
  fix: string;
  /**
   * The stable part of the finding (a soname, a version), used with the rule and entry to tell
   * findings apart across builds. Never derived from bytes that change on each build.
   */
  detail: string | null;
  /** Set by rules on warnings that still mean the code cannot run; not part of the reports. */
  blocksStart?: boolean;
  /** Set by rules on warnings that stop the code only if an unconfirmed fact holds; not part of the reports. */
  unconfirmedStart?: boolean;
}

export interface FindingInput {
  entry?: AnalyzedEntry | null;
  /** Entry name to show when the finding is about a name rather than an extracted entry. */
  entryName?: string;
  message: string;
  fix: string;
  /** Overrides the rule's severity for this finding, e.g. a warning where the rule is usually an error. */
  severity?: Severity;
  /**
   * True when the problem stops the code on this runtime even though it is reported as a warning, as
   * for a helper program built for another CPU. The compatibility summary then counts the runtime out.
   */
  blocksStart?: boolean;
  /**
   * True on a warning whose problem stops the code only if a fact lambda-lint cannot confirm is true (an
   * interpreter or a library its data does not list). The compatibility summary calls the runtime unconfirmed.
   */
  unconfirmedStart?: boolean;
  detail?: string;
}

export interface RuleContext {
  model: ArtifactModel;
  report(finding: FindingInput): void;
}

/** A lint rule: metadata for docs and reports, and a check over the artifact model. */
export interface Rule {
  code: string;
  name: string;
  defaultLevel: RuleLevel;
  /** One line for rule lists. */
  summary: string;
  /** The runtime fact the rule relies on. */
  fact: string;
  /** The error Lambda shows when the problem reaches it. */
  lambdaError: string;
  /** True for rules that still apply when the archive could not be read (they report on the archive itself). */
  checksDamagedArchive?: boolean;
  /** True for rules about deploying (lifecycle dates), not about whether the code starts; compatibility ignores them. */
  deploymentOnly?: boolean;
  check(context: RuleContext): void;
}
