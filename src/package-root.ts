import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds lambda-lint's own package folder: the nearest folder above this module (src/ or dist/src/)
 * whose package.json is named lambda-lint. Docs, fixtures and the built CLI are found from there.
 */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'lambda-lint') {
      return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error('lambda-lint: cannot find its own package.json above its modules');
    }
    directory = parent;
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
