import { RULES } from '../../rules/index.js';
import { docsPagePath, readDocsPage } from '../docs-pages.js';
import { OptionError } from '../lint.js';
import type { LintReport } from '../report.js';
import { toolHomepage } from '../version.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** Output formats of the command line, by their `--format` names. */
export type ReportFormat = 'text' | 'json' | 'sarif' | 'github';

export interface FormatOptions {
  /** ANSI colours in text output; off by default. */
  color?: boolean;
  /** Errors only, in text and github output. */
  quiet?: boolean;
  /** Findings suppressed by ignore entries in SARIF output, with their reasons. */
  includeSuppressed?: boolean;
  /** Folder that SARIF artifact URIs are relative to; the working directory by default. */
  baseDirectory?: string;
  /** SARIF category (`automationDetails.id` without its last part); by default one per artifact set. */
  sarifCategory?: string;
}

/**
 * Renders a report as the command line does for `--format <format>`. Text output links each rule's
 * page in the installed package, and SARIF output embeds the pages as help text. Rejects an unknown
 * format with `OptionError`.
 */
export function formatReport(report: LintReport, format: ReportFormat, options: FormatOptions = {}): string {
  const quiet = options.quiet ?? false;

  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif': {
      const homepage = toolHomepage();
      return formatSarif(report, {
        includeSuppressed: options.includeSuppressed ?? false,
        rules: RULES,
        docsMarkdown: (rule) => readDocsPage(rule.name),
        // TODO: the project has no public home yet; once package.json has a `homepage`, SARIF gets informationUri and helpUri.
        informationUri: homepage,
        docsBaseUrl: homepage === null ? null : `${homepage}/docs/rules`,
        baseDirectory: options.baseDirectory ?? process.cwd(),
        category: options.sarifCategory ?? null,
      });
    }
    case 'github':
      return formatGithub(report, quiet);
    case 'text':
      return formatText(report, { color: options.color ?? false, quiet, docsLocation: docsPagePath });
    default:
      // Reached only from JavaScript, which the ReportFormat type does not guard.
      throw new OptionError(`unknown format "${String(format)}"; use text, json, sarif or github`);
  }
}
