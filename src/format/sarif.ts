import { createHash } from 'node:crypto';
import { basename, relative, sep } from 'node:path';

import type { Finding, Rule, Severity } from '../engine/rule.js';
import type { ArtifactReport, LintReport } from '../report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<Severity | 'off', string> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** GitHub's problem.severity values: error, warning, recommendation. */
const PROBLEM_SEVERITY: Record<Severity | 'off', string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
  off: 'recommendation',
};

/** Category tag per code range, for filtering in code scanning. */
function ruleTags(rule: Rule): string[] {
  const series: Record<string, string> = {
    LL0: 'archive',
    LL1: 'layout',
    LL2: 'file-format',
    LL3: 'elf',
    LL4: 'runtime',
    LL5: 'native-modules',
  };
  return ['aws-lambda', series[rule.code.slice(0, 3)] ?? 'lambda-lint'];
}

export interface SarifOptions {
  /** Also write findings suppressed by ignore entries, with `suppressions` (GitHub ignores those). */
  includeSuppressed: boolean;
  rules: readonly Rule[];
  /** Markdown of a rule's documentation page, for `help.markdown`. */
  docsMarkdown: (rule: Rule) => string | null;
  /** The project's public home for `informationUri`, or null when it has none. */
  informationUri: string | null;
  /** Base URL of the rule pages (`<base>/<name>.md`), or null when the project has no public home. */
  docsBaseUrl: string | null;
  /** Directory that artifact paths are made relative to, normally the working directory. */
  baseDirectory: string;
  /**
   * The category GitHub code scanning tracks alerts under, or null for `lambda-lint/<artifact names>`.
   * A fixed category keeps alerts in one place when artifacts are added or renamed.
   */
  category?: string | null;
}

/**
 * Computes a stable fingerprint of a finding from the rule, the artifact's path in the repository,
 * the entry and the stable detail (a soname, a version). It leaves out the artifact's bytes, so
 * rebuilding the same broken package gives the same alert, while two fn.zip files in different
 * folders stay apart. A template function's logical id is part of it when given.
 */
export function findingFingerprint(finding: Finding, artifactUri: string, logicalId: string | null = null): string {
  const parts = [finding.ruleId, artifactUri, finding.entry ?? '', finding.detail ?? ''];
  // Two template functions can share one package and differ in Runtime or Handler, so the logical id keeps their alerts apart.
  if (logicalId !== null) {
    parts.push(logicalId);
  }
  const key = parts.join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** `<category>/`, where GitHub reads the part before the last slash as the run's category. */
function automationId(category: string | null, artifactNames: string[]): string {
  if (category === null || category === '') {
    return `lambda-lint/${artifactNames.join('+')}/`;
  }
  return category.endsWith('/') ? category : `${category}/`;
}

function toUri(path: string, baseDirectory: string): string {
  const relativePath = relative(baseDirectory, path);
  return encodePath((relativePath.startsWith('..') ? path : relativePath).split(sep).join('/'));
}

/** Percent-encodes each segment of a `/`-separated path, keeping the separators. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Renders the report as one SARIF 2.1.0 log with one run, as GitHub code scanning reads it. */
export function formatSarif(report: LintReport, options: SarifOptions): string {
  const rules = [...options.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));

  const artifacts: Array<Record<string, unknown>> = [];
  const artifactIndex = new Map<string, number>();
  const results: Array<Record<string, unknown>> = [];

  for (const artifact of report.artifacts) {
    const uri = toUri(artifact.path, options.baseDirectory);
    // Template functions can share one package; SARIF lists it once.
    if (!artifactIndex.has(artifact.path)) {
      artifactIndex.set(artifact.path, artifacts.length);
      artifacts.push({ location: { uri }, roles: ['analysisTarget'] });
    }

    for (const finding of artifact.findings) {
      results.push(sarifResult(finding, artifact, uri, artifacts, artifactIndex, ruleIndex));
    }
    if (options.includeSuppressed) {
      for (const finding of artifact.suppressedFindings) {
        const result = sarifResult(finding, artifact, uri, artifacts, artifactIndex, ruleIndex);
        result.suppressions = [{ kind: 'external', justification: finding.suppression.reason }];
        results.push(result);
      }
    }
  }

  // A template function is named by its logical id: CDK asset folders change name with every build.
  const artifactNames = [...new Set(report.artifacts.map((artifact) => artifact.function?.logicalId ?? basename(artifact.path)))].sort();
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lambda-lint',
            semanticVersion: report.tool.version,
            ...(options.informationUri === null ? {} : { informationUri: options.informationUri }),
            rules: rules.map((rule) => sarifRule(rule, options)),
          },
        },
        automationDetails: { id: automationId(options.category ?? null, artifactNames) },
        invocations: [
          {
            executionSuccessful: report.unreadableArtifacts === 0,
            toolExecutionNotifications: [
              ...report.artifacts
                .filter((artifact) => artifact.inputError !== null)
                .map((artifact) => ({
                  level: 'error',
                  message: { text: artifact.function === null ? (artifact.inputError ?? '') : `${artifact.function.logicalId}: ${artifact.inputError ?? ''}` },
                })),
              ...report.skippedFunctions.map((skipped) => ({
                level: 'note',
                message: { text: `${skipped.logicalId} (${skipped.template}) was skipped: ${skipped.reason}` },
              })),
            ],
          },
        ],
        artifacts,
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: Rule, options: SarifOptions): Record<string, unknown> {
  const markdown = options.docsMarkdown(rule);
  const text = `${rule.summary}\n\nWhat Lambda does: ${rule.fact}\n\nLambda's error: ${rule.lambdaError}`;
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.fact },
    help: { text, markdown: markdown ?? text },
    ...(options.docsBaseUrl === null ? {} : { helpUri: `${options.docsBaseUrl}/${rule.name}.md` }),
    defaultConfiguration: { level: LEVELS[rule.defaultLevel], enabled: rule.defaultLevel !== 'off' },
    properties: {
      tags: ruleTags(rule),
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[rule.defaultLevel],
    },
  };
}

function sarifResult(
  finding: Finding,
  artifact: ArtifactReport,
  uri: string,
  artifacts: Array<Record<string, unknown>>,
  artifactIndex: Map<string, number>,
  ruleIndex: Map<string, number>,
): Record<string, unknown> {
  const parentIndex = artifactIndex.get(artifact.path) ?? 0;
  const logicalName = `${basename(artifact.path)}!/${finding.entry ?? ''}`;

  if (finding.entry !== null) {
    const key = `${artifact.path}\u0000${finding.entry}`;
    if (!artifactIndex.has(key)) {
      artifactIndex.set(key, artifacts.length);
      artifacts.push({ location: { uri: encodePath(finding.entry) }, parentIndex });
    }
  }

  const logicalId = artifact.function?.logicalId ?? null;
  const fingerprint = findingFingerprint(finding, uri, logicalId);
  const logicalLocations: Array<Record<string, unknown>> = [{ fullyQualifiedName: logicalName, kind: 'resource' }];
  if (logicalId !== null) {
    logicalLocations.push({ name: logicalId, kind: 'resource' });
  }
  // In a folder input the entry is a real file, which code scanning can open.
  const physicalUri = artifact.kind === 'directory' && finding.entry !== null ? `${uri}/${encodePath(finding.entry)}` : uri;
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
    level: LEVELS[finding.severity],
    // The message's first sentence names the entry and the problem, so it reads as the alert title.
    message: { text: `${logicalId === null ? '' : `${logicalId}: `}${finding.message} Fix: ${finding.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: physicalUri === uri ? { uri, index: parentIndex } : { uri: physicalUri },
          region: { startLine: 1 },
        },
        logicalLocations,
      },
    ],
    partialFingerprints: { primaryLocationLineHash: `${fingerprint}:1`, 'lambdaLint/v1': fingerprint },
  };
}
