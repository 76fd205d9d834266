import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A build output found in the working directory, and the tool that writes it. */
export interface DiscoveredOutput {
  /** Relative to the searched folder, e.g. `target/lambda/orders` or `.aws-sam/build/template.yaml`. */
  path: string;
  kind: 'package' | 'template';
  /** The command that writes this output, e.g. `cargo lambda build`. */
  producer: string;
}

/** The places searched, as shown when nothing is found. */
export const SEARCHED_PATTERNS = ['target/lambda/*/bootstrap', 'target/lambda/*/bootstrap.zip', '.aws-sam/build/template.yaml'];

/**
 * Finds build outputs in `directory`: cargo-lambda's `target/lambda/<function>/bootstrap` (the
 * folder is the package) or `bootstrap.zip` (the zip is), and the template `sam build` writes to
 * `.aws-sam/build/template.yaml`. A folder containing both bootstrap and bootstrap.zip gives only the
 * zip, because the folder would contain the zip as well and the zip is what gets uploaded.
 */
export async function discoverBuildOutputs(directory: string): Promise<DiscoveredOutput[]> {
  const found: DiscoveredOutput[] = [];

  const lambdaFolder = join('target', 'lambda');
  for (const name of await listFolders(join(directory, lambdaFolder))) {
    const functionFolder = join(lambdaFolder, name);
    if (await isFile(join(directory, functionFolder, 'bootstrap.zip'))) {
      found.push({ path: join(functionFolder, 'bootstrap.zip'), kind: 'package', producer: 'cargo lambda build' });
      continue;
    }
    if (await isFile(join(directory, functionFolder, 'bootstrap'))) {
      found.push({ path: functionFolder, kind: 'package', producer: 'cargo lambda build' });
    }
  }

  const samTemplate = join('.aws-sam', 'build', 'template.yaml');
  if (await isFile(join(directory, samTemplate))) {
    found.push({ path: samTemplate, kind: 'template', producer: 'sam build' });
  }
  return found;
}

/** Names of the subfolders, sorted; none when the folder does not exist. */
async function listFolders(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
