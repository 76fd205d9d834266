import type { LintReport } from '../report.js';

/** Renders the report as one JSON document; entry names are escaped by JSON.stringify. */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
