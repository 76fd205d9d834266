import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Rule } from './engine/rule.js';
import { packageRoot } from './package-root.js';

/** Absolute path of a rule's documentation page in the installed package. */
export function docsPagePath(ruleName: string): string {
  return join(packageRoot(), 'docs', 'rules', `${ruleName}.md`);
}

/** Reads the Markdown of a rule's page; returns null when the package has no page for it. */
export function readDocsPage(ruleName: string): string | null {
  const path = docsPagePath(ruleName);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Finds a rule by code (`LL3006`, any case) or name (`glibc-version-too-new`). */
export function findRule(rules: readonly Rule[], codeOrName: string): Rule | undefined {
  const query = codeOrName.trim();
  return rules.find((rule) => rule.code.toLowerCase() === query.toLowerCase() || rule.name === query);
}
