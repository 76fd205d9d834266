import { printableName } from '../archive/names.js';
import type { Finding, Severity } from '../engine/rule.js';
import type { ArtifactReport, LintReport, SkippedFunction } from '../report.js';

export interface TextOptions {
  color: boolean;
  /** Show errors only. */
  quiet: boolean;
  /** Turns a rule name into the location of its documentation page. */
  docsLocation: (ruleName: string) => string;
}

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

const ANSI = {
  bold: '\u001b[1m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

/** Renders the report for people: per artifact a header, the entrypoint, findings by severity, docs links and a summary. */
export function formatText(report: LintReport, options: TextOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const blocks = report.artifacts.map((artifact) => formatArtifact(artifact, options, paint));
  if (report.skippedFunctions.length > 0) {
    blocks.push(formatSkippedFunctions(report.skippedFunctions));
  }

  const counts = report.counts;
  const countsText = options.quiet ? `${plural(counts.error, 'error')}` : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  const readable = report.artifacts.length - report.unreadableArtifacts;
  const unreadable = report.unreadableArtifacts > 0 ? `; ${plural(report.unreadableArtifacts, 'artifact')} could not be read` : '';
  const skipped = report.skippedFunctions.length > 0 ? `; ${plural(report.skippedFunctions.length, 'function')} skipped` : '';
  let summaryColor = ANSI.cyan;
  if (counts.error > 0 || report.unreadableArtifacts > 0) {
    summaryColor = ANSI.red;
  } else if (counts.warning > 0) {
    summaryColor = ANSI.yellow;
  }
  blocks.push(paint(ANSI.bold + summaryColor, `${countsText} in ${plural(readable, 'artifact')}${unreadable}${skipped}`));

  return `${blocks.join('\n\n')}\n`;
}

function formatArtifact(artifact: ArtifactReport, options: TextOptions, paint: (code: string, text: string) => string): string {
  const lines: string[] = [];
  const layers = artifact.layers.length > 0 ? `, layers: ${artifact.layers.map(printableName).join(', ')}` : '';
  const logicalId = artifact.function === null ? '' : `${printableName(artifact.function.logicalId)}  `;
  lines.push(paint(ANSI.bold, `${logicalId}${printableName(artifact.path)}  (${artifact.runtime}, ${artifact.architecture}${layers})`));
  for (const note of artifact.function?.notes ?? []) {
    lines.push(`  note: ${printableName(note)}`);
  }

  if (artifact.inputError !== null) {
    lines.push(`  cannot be read: ${printableName(artifact.inputError)}`);
    return lines.join('\n');
  }

  if (artifact.kind === 'file') {
    lines.push('  linted as bootstrap: a single file, checked as a package whose only entry is bootstrap');
  }
  lines.push(`  entrypoint: ${artifact.entrypointDescription === null ? 'none' : printableName(artifact.entrypointDescription)}`);
  if (!options.quiet) {
    lines.push(...formatOtherElfFiles(artifact));
  }
  if (artifact.compatibilitySummary !== null && !options.quiet) {
    lines.push(`  compatibility: ${printableName(artifact.compatibilitySummary)}`);
  }

  const severities = options.quiet ? (['error'] as Severity[]) : SEVERITY_ORDER;
  const colors: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

  for (const severity of severities) {
    const findings = artifact.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) {
      continue;
    }
    lines.push('');
    lines.push(paint(colors[severity], `  ${SEVERITY_TITLES[severity]}`));
    for (const finding of severity === 'info' ? collapseRepeatedRules(findings) : findings) {
      lines.push(...formatFinding(finding, paint));
    }
    if (severity === 'info') {
      lines.push(...formatCollapsedCounts(findings, paint));
    }
  }

  const shownFindings = artifact.findings.filter((finding) => severities.includes(finding.severity));
  const ruleNames = [...new Set(shownFindings.map((finding) => `${finding.ruleId}|${finding.ruleName}`))];
  if (ruleNames.length > 0) {
    lines.push('');
    lines.push('  More information:');
    for (const key of ruleNames) {
      const [code, name] = key.split('|');
      lines.push(`    ${code}  ${options.docsLocation(name)}`);
    }
  }

  if (shownFindings.length === 0) {
    lines.push('');
    lines.push(paint(ANSI.cyan, '  No problems found.'));
  }
  if (artifact.suppressedFindings.length > 0) {
    const count = artifact.suppressedFindings.length;
    lines.push(`  ${count} ${count === 1 ? 'finding' : 'findings'} suppressed by ignore entries of the configuration`);
  }
  return lines.join('\n');
}

/** Lists the template functions that were not linted, one line each with the reason. */
function formatSkippedFunctions(skipped: SkippedFunction[]): string {
  const lines = ['Skipped functions:'];
  for (const entry of skipped) {
    lines.push(`  ${printableName(entry.logicalId)} (${printableName(entry.template)}): ${printableName(entry.reason)}`);
  }
  return lines.join('\n');
}

/** Most ELF files listed besides the entrypoint; the JSON report lists them all. */
const MAX_LISTED_ELF_FILES = 10;

function formatOtherElfFiles(artifact: ArtifactReport): string[] {
  const elfEntries = artifact.entries.filter(
    (entry) => entry.elf !== undefined && entry.path !== artifact.entrypoint && entry.path !== artifact.entrypointFile,
  );
  if (elfEntries.length === 0) {
    return [];
  }

  const lines = elfEntries.slice(0, MAX_LISTED_ELF_FILES).map((entry) => {
    const name = entry.layer === null ? entry.name : `${entry.layer}!${entry.name}`;
    return `  other ELF:  ${printableName(name)}  ${entry.description}`;
  });
  if (elfEntries.length > MAX_LISTED_ELF_FILES) {
    lines.push(`  and ${elfEntries.length - MAX_LISTED_ELF_FILES} more ELF files (see --format json)`);
  }
  return lines;
}

/** Information findings shown per rule. The rest are counted in one line, because none requests a change. */
const MAX_INFO_FINDINGS_PER_RULE = 3;

function collapseRepeatedRules(findings: Finding[]): Finding[] {
  const countsByRule = new Map<string, number>();
  return findings.filter((finding) => {
    const count = countsByRule.get(finding.ruleId) ?? 0;
    countsByRule.set(finding.ruleId, count + 1);
    return count < MAX_INFO_FINDINGS_PER_RULE;
  });
}

function formatCollapsedCounts(findings: Finding[], paint: (code: string, text: string) => string): string[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const finding of findings) {
    const current = counts.get(finding.ruleId) ?? { name: finding.ruleName, count: 0 };
    current.count += 1;
    counts.set(finding.ruleId, current);
  }

  const lines: string[] = [];
  for (const [ruleId, { name, count }] of counts) {
    if (count > MAX_INFO_FINDINGS_PER_RULE) {
      const more = count - MAX_INFO_FINDINGS_PER_RULE;
      lines.push(`  ${paint(ANSI.bold, `${ruleId} ${name}`)}  and ${more} more like these (see --format json)`);
    }
  }
  return lines;
}

function formatFinding(finding: Finding, paint: (code: string, text: string) => string): string[] {
  const entry = finding.entry === null ? '' : `  ${printableName(finding.entry)}`;
  return [
    `  ${paint(ANSI.bold, `${finding.ruleId} ${finding.ruleName}`)}${entry}`,
    `      ${printableName(finding.message)}`,
    `      ${paint(ANSI.dim, 'fix:')} ${printableName(finding.fix)}`,
  ];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
