import type { Rule } from '../engine/rule.js';

/** One rule as `lambda-lint rules` lists it. */
interface RuleRow {
  code: string;
  name: string;
  defaultLevel: string;
  summary: string;
}

function toRows(rules: readonly Rule[]): RuleRow[] {
  const sorted = [...rules].sort((a, b) => a.code.localeCompare(b.code));
  return sorted.map((rule) => ({ code: rule.code, name: rule.name, defaultLevel: rule.defaultLevel, summary: rule.summary }));
}

/** Renders the rule list as aligned columns: code, name, default level and summary, sorted by code. */
export function formatRulesText(rules: readonly Rule[]): string {
  const rows = toRows(rules).map((row) => [row.code, row.name, row.defaultLevel, row.summary]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));

  const lines = rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padEnd(widths[2])}  ${row[3]}`);
  return `${lines.join('\n')}\n`;
}

/** Renders the rule list as JSON: `{ "rules": [{ code, name, defaultLevel, summary }] }`, sorted by code. */
export function formatRulesJson(rules: readonly Rule[]): string {
  return `${JSON.stringify({ rules: toRows(rules) }, null, 2)}\n`;
}
