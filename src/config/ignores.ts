import { relative, resolve, sep } from 'node:path';

import picomatch from 'picomatch';

import type { Finding } from '../engine/rule.js';
import type { IgnoreEntry } from './load-config.js';

/** A finding that an ignore entry matched, with the entry's reason. */
export interface SuppressedFinding extends Finding {
  suppression: { reason: string };
}

/** Returns an artifact path as globs in the configuration see it: relative to the config folder, with `/`. */
export function configRelativePath(configDirectory: string, path: string): string {
  return relative(configDirectory, resolve(path)).split(sep).join('/');
}

/**
 * Applies ignore entries to one artifact's findings: a finding is suppressed when an entry names its
 * rule (by code or name), its artifact glob matches, and its entry glob matches the finding's entry.
 * `used` collects the entries that matched something.
 */
export function applyIgnores(
  findings: Finding[],
  artifactPath: string,
  configDirectory: string,
  ignores: readonly IgnoreEntry[],
  used: Set<IgnoreEntry>,
): { unsuppressed: Finding[]; suppressed: SuppressedFinding[] } {
  const relativePath = configRelativePath(configDirectory, artifactPath);
  const unsuppressed: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const finding of findings) {
    const match = ignores.find((ignore) => matches(ignore, finding, relativePath));
    if (match === undefined) {
      unsuppressed.push(finding);
      continue;
    }
    used.add(match);
    suppressed.push({ ...finding, suppression: { reason: match.reason } });
  }
  return { unsuppressed, suppressed };
}

function matches(ignore: IgnoreEntry, finding: Finding, relativePath: string): boolean {
  if (ignore.rule !== finding.ruleId && ignore.rule !== finding.ruleName) {
    return false;
  }
  if (ignore.artifact !== undefined && !picomatch(ignore.artifact, { dot: true })(relativePath)) {
    return false;
  }
  if (ignore.entry !== undefined) {
    return finding.entry !== null && picomatch(ignore.entry, { dot: true })(finding.entry);
  }
  return true;
}

/** Settings of the first `artifacts` entry whose `files` glob matches the artifact. */
export function artifactOverride<T extends { files: string }>(
  overrides: readonly T[],
  artifactPath: string,
  configDirectory: string,
): T | undefined {
  const relativePath = configRelativePath(configDirectory, artifactPath);
  return overrides.find((override) => picomatch(override.files, { dot: true })(relativePath));
}
