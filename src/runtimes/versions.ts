import type { VersionNamespace } from './runtime.js';

const NAMESPACES: readonly VersionNamespace[] = ['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC', 'OPENSSL'];

export interface ParsedVersion {
  namespace: VersionNamespace;
  numbers: number[];
}

/**
 * Parses a version node name such as `GLIBC_2.28` or `GLIBCXX_3.4.26`. Returns null for names that
 * carry no comparable number (`GLIBC_PRIVATE`, `CXXABI_TM_1`) and for namespaces not tracked.
 */
export function parseVersionName(name: string): ParsedVersion | null {
  const match = /^([A-Z]+)_(\d+(?:\.\d+)*)$/.exec(name);
  if (match === null) {
    return null;
  }

  const namespace = NAMESPACES.find((candidate) => candidate === match[1]);
  if (namespace === undefined) {
    return null;
  }

  return { namespace, numbers: match[2].split('.').map((part) => Number(part)) };
}

/** Compares dotted version numbers: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersionNumbers(a: number[], b: number[]): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

export function parseVersionNumbers(text: string): number[] {
  return text.split('.').map((part) => Number(part));
}
