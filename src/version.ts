import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packageRoot } from './package-root.js';

interface Manifest {
  version?: string;
  homepage?: string;
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as Manifest;
}

/** Returns lambda-lint's version from its package.json. */
export function toolVersion(): string {
  return readManifest().version ?? '0.0.0';
}

/** Returns the project's public home from package.json `homepage`, or null when it has none. */
export function toolHomepage(): string | null {
  return readManifest().homepage ?? null;
}
