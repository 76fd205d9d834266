import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name?: string;
  version?: string;
  homepage?: string;
}

/** Reads lambda-lint's own package.json, the nearest one above this module (src/ or dist/src/). */
function readManifest(): Manifest | null {
  let directory = dirname(fileURLToPath(import.meta.url));

  for (let depth = 0; depth < 4; depth += 1) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;
      if (manifest.name === 'lambda-lint') {
        return manifest;
      }
    } catch {
      // No package.json at this level; look one level up.
    }
    directory = dirname(directory);
  }
  return null;
}

/** Returns lambda-lint's version from its package.json. */
export function toolVersion(): string {
  return readManifest()?.version ?? '0.0.0';
}

/** Returns the project's public home from package.json `homepage`, or null when it has none. */
export function toolHomepage(): string | null {
  return readManifest()?.homepage ?? null;
}
