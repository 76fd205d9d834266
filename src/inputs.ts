import { stat } from 'node:fs/promises';


/** Characters that make an argument a glob pattern for fast-glob. */
const GLOB_CHARACTERS = /[*?[\]{}!]/;

export interface ExpandedInputs {
  /** Existing files and directories to lint, in the order given; glob matches sorted. */
  paths: string[];
  /** Arguments that are neither an existing path nor a pattern with matches. */
  unmatched: string[];
}

/**
 * Turns the command-line arguments into artifact paths. An existing file or directory is taken as it
 * is, and anything else with glob characters is expanded with fast-glob (zips and directories alike).
 */
export async function expandInputs(argumentsGiven: string[]): Promise<ExpandedInputs> {
  const paths: string[] = [];
  const unmatched: string[] = [];

  for (const argument of argumentsGiven) {
    if (await exists(argument)) {
      paths.push(argument);
      continue;
    }

    if (!GLOB_CHARACTERS.test(argument)) {
      unmatched.push(argument);
      continue;
    }

    // fast-glob is loaded only for an argument that is a pattern: most runs name files, and loading it costs time at every start.
    const { default: fg } = await import('fast-glob');
    const matches = await fg(argument, { onlyFiles: false, dot: true, followSymbolicLinks: false, unique: true });
    if (matches.length === 0) {
      unmatched.push(argument);
      continue;
    }
    paths.push(...matches.sort());
  }

  return { paths: [...new Set(paths)], unmatched };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
