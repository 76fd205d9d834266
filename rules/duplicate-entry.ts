import type { AnalyzedEntry } from '../src/analysis/model.js';
import type { Rule } from '../src/engine/rule.js';

export const rule: Rule = {
  code: 'LL1010',
  name: 'duplicate-entry',
  defaultLevel: 'error',
  summary: 'Two or more entries have the same name.',
  fact: 'A zip may list a name twice; extractors disagree on which copy wins (Info-ZIP unzip -o and Python extractall keep the last), so the package Lambda runs depends on its extractor.',
  lambdaError: 'none of its own: the function runs whichever copy the extractor kept, often a stale build',
  check({ model, report }) {
    for (const part of model.parts) {
      const byName = new Map<string, AnalyzedEntry[]>();
      for (const analyzed of part.entries) {
        if (analyzed.entry.type === 'directory') {
          continue;
        }
        const key = analyzed.path ?? analyzed.entry.name;
        const copies = byName.get(key);
        if (copies === undefined) {
          byName.set(key, [analyzed]);
        } else {
          copies.push(analyzed);
        }
      }

      for (const copies of byName.values()) {
        if (copies.length < 2) {
          continue;
        }

        const last = copies[copies.length - 1];
        const differences = describeDifferences(copies);
        report({
          entry: last,
          message:
            `${last.entry.name} appears ${copies.length} times in the central directory ` +
            `(entries ${copies.map((copy) => copy.entry.index + 1).join(', ')})${differences}. ` +
            'Which copy lands in the function depends on the extractor; lambda-lint checks the last one, as ' +
            'Info-ZIP unzip and Python extract it.',
          fix:
            'Rebuild the zip from a clean folder instead of adding to an existing one: `rm -f function.zip && zip -r function.zip .`. ' +
            "Python's ZipFile in mode 'a' adds a second copy of a name; Info-ZIP zip replaces it.",
          detail: last.entry.name,
        });
      }
    }
  },
};

function describeDifferences(copies: AnalyzedEntry[]): string {
  const machines = new Set(copies.map((copy) => copy.elf?.machineName ?? copy.content?.format ?? 'unknown'));
  if (machines.size > 1) {
    return `, and the copies differ: ${copies.map((copy) => copy.elf?.machineName ?? copy.content?.format ?? 'unknown').join(' vs ')}`;
  }

  const sizes = new Set(copies.map((copy) => copy.entry.size));
  if (sizes.size > 1) {
    return `, with different sizes (${copies.map((copy) => copy.entry.size).join(' vs ')} bytes)`;
  }
  return '';
}
