import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Rule } from './engine/rule.js';

/** Finds the installed package's root, one or two levels above dist/src/ or src/. */
function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) {
    directory = dirname(directory);
  }
  return directory;
}

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
  const wanted = codeOrName.trim();
  return rules.find((rule) => rule.code.toLowerCase() === wanted.toLowerCase() || rule.name === wanted);
}
