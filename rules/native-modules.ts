import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import type { Architecture } from '../src/runtimes/runtime.js';

/** File names that a language runtime loads as native code. */
export const NATIVE_MODULE_NAME = /\.(node|so(\.\d+)*|bundle|dylib|pyd|dll)$/i;

/** npm's names for a CPU (process.arch) per Lambda architecture. */
export const NPM_CPU: Record<Architecture, string> = { x86_64: 'x64', arm64: 'arm64' };

/** The CPU names Python, Ruby and GNU triples use for a Lambda architecture. */
export const TRIPLE_CPU: Record<Architecture, string[]> = { x86_64: ['x86_64', 'amd64'], arm64: ['aarch64', 'arm64'] };

/** How to get dependencies built for Lambda, by language family. */
export function installForLinuxFix(model: ArtifactModel): string {
  const architecture = model.settings.architecture;
  switch (model.settings.runtime.family) {
    case 'nodejs':
      return (
        `Install the dependencies for Linux ${NPM_CPU[architecture]}: \`npm install --os=linux --cpu=${NPM_CPU[architecture]}\` ` +
        '(npm 10 and later), or run `npm ci` in a Linux build (CI, `sam build --use-container`, a Docker image of the runtime).'
      );
    case 'python': {
      const cpu = architecture === 'arm64' ? 'aarch64' : 'x86_64';
      const version = model.settings.runtime.language?.version ?? '3.12';
      return (
        `Install wheels for Lambda: \`pip install --platform manylinux2014_${cpu} --python-version ${version} ` +
        '--only-binary=:all: --target package -r requirements.txt`, or build in the runtime\'s image.'
      );
    }
    case 'ruby':
      return (
        `Vendor the gems on Linux for the runtime's Ruby: \`bundle lock --add-platform ${architecture === 'arm64' ? 'aarch64' : 'x86_64'}-linux\` ` +
        'and `bundle install` inside the runtime\'s image (public.ecr.aws/lambda/ruby).'
      );
    default:
      return 'Build the file on Linux for the function\'s architecture, in the runtime\'s image or a matching build host.';
  }
}

/** npm packages found under node_modules, by package folder, with their parsed package.json. */
export interface NpmPackage {
  folder: string;
  name: string;
  manifest: { os?: unknown; cpu?: unknown; libc?: unknown; name?: unknown };
  manifestEntry: AnalyzedEntry;
}

export function npmPackages(model: ArtifactModel): NpmPackage[] {
  const packages: NpmPackage[] = [];
  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/@][^/]*))\/package\.json$/.exec(analyzed.entry.path);
      if (match === null || analyzed.text === undefined) {
        continue;
      }
      let manifest: NpmPackage['manifest'];
      try {
        manifest = JSON.parse(analyzed.text) as NpmPackage['manifest'];
      } catch {
        continue;
      }
      packages.push({ folder: match[1], name: match[2], manifest, manifestEntry: analyzed });
    }
  }
  return packages;
}
