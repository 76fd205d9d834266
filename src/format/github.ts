import type { Finding } from '../engine/rule.js';
import type { ArtifactReport, LintReport } from '../report.js';

const COMMANDS: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes workflow-command data, so a message cannot end the command or start another. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow-command property value (title, file), which also may not contain `:` or `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Escapes text for a Markdown table cell. */
function escapeCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?');
}

/**
 * Renders the findings as GitHub Actions workflow commands (`::error file=...,title=...::message`),
 * one per finding, annotating the artifact file.
 */
export function formatGithub(report: LintReport, quiet: boolean): string {
  const lines: string[] = [];
  for (const artifact of report.artifacts) {
    if (artifact.inputError !== null) {
      const title = artifact.function === null ? 'lambda-lint: cannot read the artifact' : `lambda-lint: cannot lint ${artifact.function.logicalId}`;
      lines.push(`::error file=${escapeProperty(artifact.path)},title=${escapeProperty(title)}::${escapeData(artifact.inputError)}`);
      continue;
    }
    for (const finding of artifact.findings) {
      if (quiet && finding.severity !== 'error') {
        continue;
      }
      const entry = finding.entry === null ? '' : ` (${finding.entry})`;
      const logicalId = artifact.function === null ? '' : ` in ${artifact.function.logicalId}`;
      const title = `${finding.ruleId} ${finding.ruleName}${entry}${logicalId}`;
      const message = `${finding.message} Fix: ${finding.fix}`;
      lines.push(`::${COMMANDS[finding.severity]} file=${escapeProperty(artifact.path)},title=${escapeProperty(title)}::${escapeData(message)}`);
    }
  }
  for (const skipped of report.skippedFunctions) {
    const title = `lambda-lint: skipped ${skipped.logicalId}`;
    lines.push(`::notice file=${escapeProperty(skipped.template)},title=${escapeProperty(title)}::${escapeData(skipped.reason)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Renders a Markdown summary for GITHUB_STEP_SUMMARY: GitHub shows only the first annotations of a step, so
 * the table lists every finding. The counts line matches the text format's closing line, and every artifact
 * that could not be read is listed with its reason, so an unreadable input cannot pass for a clean one.
 */
export function formatGithubSummary(report: LintReport): string {
  const lines = ['## lambda-lint', '', `${summaryLine(report)}.`, ''];

  const unreadable = report.artifacts.filter((artifact) => artifact.inputError !== null);
  if (unreadable.length > 0) {
    lines.push('Artifacts that could not be read:', '');
    for (const artifact of unreadable) {
      lines.push(`- ${escapeCell(artifactName(artifact))}: ${escapeCell(reasonOf(artifact))}`);
    }
    lines.push('');
  }

  const rows = report.artifacts.flatMap((artifact) =>
    artifact.findings.map(
      (finding) =>
        `| ${finding.severity} | ${finding.ruleId} ${finding.ruleName} | ${escapeCell(artifactName(artifact))} | ${escapeCell(finding.entry ?? '')} | ${escapeCell(finding.message)} |`,
    ),
  );
  if (rows.length > 0) {
    lines.push('| severity | rule | artifact | entry | message |', '|---|---|---|---|---|', ...rows, '');
  }

  if (report.skippedFunctions.length > 0) {
    lines.push('Skipped functions:', '');
    for (const skipped of report.skippedFunctions) {
      lines.push(`- ${escapeCell(skipped.logicalId)}: ${escapeCell(skipped.reason)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Formats the counts as the text format's closing line does: findings over the artifacts that were read,
 * then the number of unreadable artifacts and of skipped functions when they are not 0.
 */
function summaryLine(report: LintReport): string {
  const readable = report.artifacts.length - report.unreadableArtifacts;
  let line = `${plural(report.counts.error, 'error')}, ${plural(report.counts.warning, 'warning')} in ${plural(readable, 'artifact')}`;
  if (report.unreadableArtifacts > 0) {
    line += `; ${plural(report.unreadableArtifacts, 'artifact')} could not be read`;
  }
  if (report.skippedFunctions.length > 0) {
    line += `; ${plural(report.skippedFunctions.length, 'function')} skipped`;
  }
  return line;
}

/** Returns the artifact's input error without the leading path that most of those messages start with. */
function reasonOf(artifact: ArtifactReport): string {
  const reason = artifact.inputError ?? '';
  const prefix = `${artifact.path}: `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

/** Returns the artifact's path, preceded by its template function's logical id when it has one. */
function artifactName(artifact: ArtifactReport): string {
  return artifact.function === null ? artifact.path : `${artifact.function.logicalId} (${artifact.path})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
