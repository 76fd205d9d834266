/**
 * Cause classes used by case folders (expect.json) and the rule codes that report each. A case passes
 * when every required cause is reported by one of its rules, and every error or warning reported maps
 * to a required or acceptable cause.
 */
export const CAUSE_RULES: Record<string, string[]> = {
  'missing-entrypoint': ['LL1001'],
  'nested-entrypoint': ['LL1002'],
  'entrypoint-wrong-name': ['LL1003'],
  'not-executable': ['LL1004', 'LL1005'],
  'not-world-readable': ['LL1006', 'LL1007'],
  'wrong-arch': ['LL3001'],
  'not-elf-macho': ['LL2001', 'LL2005', 'LL2006', 'LL1017'],
  'not-elf-pe': ['LL2001', 'LL2005', 'LL2006', 'LL1017'],
  'elf-32bit': ['LL3002'],
  'dynamic-loader-missing': ['LL3004'],
  'missing-library': ['LL3005'],
  'glibc-too-new': ['LL3006'],
  'glibcxx-too-new': ['LL3007'],
  'script-crlf': ['LL2002'],
  'script-bom': ['LL2003'],
  'script-no-shebang': ['LL2001'],
  'script-interpreter-missing': ['LL2004'],
  'backslash-paths': ['LL1008'],
  'zip-slip-path': ['LL1009'],
  'symlink-escape': ['LL1012'],
  'duplicate-entry': ['LL1010'],
  'too-large-unzipped': ['LL1013'],
  'too-large-zipped': ['LL1014'],
  'corrupt-zip': ['LL0001'],
  'truncated-elf': ['LL0003'],
  'deprecated-runtime': ['LL4001'],
  'unreadable-entry': ['LL0002'],
  'symbol-version-missing': ['LL3008'],
  'handler-not-found': ['LL1015'],
  'handler-nested': ['LL1016'],
  'extension-not-executable': ['LL1017'],
  'layer-layout': ['LL1018'],
  'too-many-layers': ['LL1019'],
  'nested-zip': ['LL1020'],
  'native-module-wrong-platform': ['LL2006', 'LL3001', 'LL3002', 'LL3009', 'LL5001', 'LL5002', 'LL5102', 'LL5103', 'LL5202'],
  'python-abi-mismatch': ['LL5001', 'LL5002'],
  'python-wheel-platform': ['LL5002'],
  'node-abi-mismatch': ['LL5101'],
  'npm-platform-mismatch': ['LL5102'],
  'missing-platform-package': ['LL5103'],
  'ruby-abi-mismatch': ['LL5201'],
  'ruby-platform-mismatch': ['LL5202'],
  'java-class-version': ['LL5301'],
};

/** Cause of a file that is no zip at all: the linter reports no finding and exits with 2. */
export const NOT_A_ZIP = 'not-a-zip';

export interface CaseExpectation {
  id: string;
  runtime: string;
  arch: 'x86_64' | 'arm64';
  handler: string;
  layers: string[];
  /** `layer` when the zip is itself a layer; a function package otherwise. */
  kind?: 'function' | 'layer';
  verdict: 'pass' | 'warn' | 'fail';
  causes: string[];
  acceptable: string[];
  notes?: string;
}

export interface ReportedFinding {
  ruleId: string;
  ruleName: string;
  severity: 'error' | 'warning' | 'info';
  entry: string | null;
}

/**
 * Compares what lambda-lint reported for a case with its expectation. Returns the list of
 * disagreements; an empty list means the case got the right diagnosis.
 */
export function judgeCase(expectation: CaseExpectation, exitCode: number, findings: ReportedFinding[]): string[] {
  const problems: string[] = [];
  const causes = expectation.causes.filter((cause) => cause !== 'none');

  if (causes.includes(NOT_A_ZIP)) {
    if (exitCode !== 2) {
      problems.push(`expected exit code 2 for a file that is no zip, got ${exitCode}`);
    }
    return problems;
  }

  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');

  if (expectation.verdict === 'fail' && exitCode !== 1) {
    problems.push(`verdict fail needs exit code 1, got ${exitCode}`);
  }
  if (expectation.verdict !== 'fail' && exitCode !== 0) {
    problems.push(`verdict ${expectation.verdict} needs exit code 0, got ${exitCode}`);
  }
  if (expectation.verdict === 'warn' && warnings.length === 0) {
    problems.push('verdict warn needs at least one warning, got none');
  }
  if (expectation.verdict === 'pass' && errors.length > 0) {
    problems.push('verdict pass allows no errors');
  }

  for (const cause of causes) {
    const rules = CAUSE_RULES[cause];
    if (rules === undefined) {
      problems.push(`cause "${cause}" has no rule mapping`);
      continue;
    }
    if (!findings.some((finding) => rules.includes(finding.ruleId))) {
      problems.push(`missed cause ${cause} (expected one of ${rules.join(', ')})`);
    }
  }

  const allowedRules = new Set([...causes, ...expectation.acceptable].flatMap((cause) => CAUSE_RULES[cause] ?? []));
  for (const finding of [...errors, ...warnings]) {
    if (!allowedRules.has(finding.ruleId)) {
      problems.push(`unexpected ${finding.severity} ${finding.ruleId} ${finding.ruleName} on ${finding.entry ?? 'the package'}`);
    }
  }

  return problems;
}

/** Causes this version of lambda-lint does not cover yet; cases that require them are skipped. */
export function uncoveredCauses(expectation: CaseExpectation): string[] {
  return expectation.causes.filter((cause) => cause !== 'none' && cause !== NOT_A_ZIP && CAUSE_RULES[cause] === undefined);
}
