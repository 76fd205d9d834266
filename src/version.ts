import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Reads lambda-lint's version from the nearest package.json above this module (src/ or dist/src/). */
export function toolVersion(): string {
  let directory = dirname(fileURLToPath(import.meta.url));

  for (let depth = 0; depth < 4; depth += 1) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'lambda-lint' && typeof manifest.version === 'string') {
        return manifest.version;
      }
    } catch {
      // No package.json at this level; look one level up.
    }
    directory = dirname(directory);
  }
  return '0.0.0';
}
