import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import type { Architecture } from '../src/runtimes/runtime.js';

/** File names that a language runtime loads as native code. */
export const NATIVE_MODULE_NAME = /\.(node|so(\.\d+)*|bundle|dylib|pyd|dll)$/i;

/** npm's names for a CPU (process.arch) per Lambda architecture. */
export const NPM_CPU: Record<Architecture, string> = { x86_64: 'x64', arm64: 'arm64' };

/** The CPU names Python, Ruby and GNU triples use for a Lambda architecture. */
export const TRIPLE_CPU: Record<Architecture, string[]> = { x86_64: ['x86_64', 'amd64'], arm64: ['aarch64', 'arm64'] };

/** Returns how to install dependencies built for Lambda, by language family. */
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
      // Amazon Linux 2023 (glibc 2.34) also takes manylinux_2_28 wheels; Amazon Linux 2 (glibc 2.26) does not.
      const platforms =
        model.settings.runtime.osId === 'al2023'
          ? `--platform manylinux2014_${cpu} --platform manylinux_2_28_${cpu}`
          : `--platform manylinux2014_${cpu}`;
      return (
        `Install wheels built for Lambda: \`pip install ${platforms} --python-version ${version} ` +
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

const packageLists = new WeakMap<ArtifactModel['parts'], NpmPackage[]>();

/** Returns the npm packages of the package, found once per package and reused by every rule run. */
export function npmPackages(model: ArtifactModel): NpmPackage[] {
  let packages = packageLists.get(model.parts);
  if (packages === undefined) {
    packages = findNpmPackages(model);
    packageLists.set(model.parts, packages);
  }
  return packages;
}

function findNpmPackages(model: ArtifactModel): NpmPackage[] {
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

/** npm's os and cpu names in package and folder names: `darwin-arm64`, `linux-x64-gnu`, `win32-ia32`. */
export const PLATFORM_PACKAGE =
  /^(.*)-(darwin|linux|win32|freebsd|openbsd|android|sunos|aix)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64|loong64|universal)(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?$/;

/** `prebuilds/<os>-<cpu>/` as node-gyp-build and prebuildify lay out prebuilt addons. */
const PREBUILDS_FOLDER = /^(.*\/prebuilds)\/(darwin|linux|win32|freebsd|openbsd|android)-([a-z0-9]+)\//;

/** Matches PREBUILDS_FOLDER, testing for the folder name first: the pattern backtracks over every path. */
function prebuildsFolder(path: string): RegExpExecArray | null {
  return path.includes('/prebuilds/') ? PREBUILDS_FOLDER.exec(path) : null;
}

/** esbuild's style: the scope is the family and the name is just `<os>-<cpu>` (@esbuild/linux-x64). */
const SCOPED_PLATFORM_PACKAGE =
  /^(@[^/]+\/)(darwin|linux|win32|freebsd|openbsd|android|sunos|aix)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64|loong64|universal)(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?$/;

function matchPlatformPackage(name: string): RegExpExecArray | null {
  return SCOPED_PLATFORM_PACKAGE.exec(name) ?? PLATFORM_PACKAGE.exec(name);
}

/** Returns the family of a per-platform npm package (`@img/sharp` for @img/sharp-darwin-arm64, `@esbuild/` for @esbuild/linux-x64). */
export function platformFamily(name: string): string | null {
  return matchPlatformPackage(name)?.[1] ?? null;
}

/** True when an npm platform package name fits Lambda: linux, the function's CPU, glibc or no libc suffix. */
export function platformPackageFits(name: string, architecture: Architecture): boolean {
  const match = matchPlatformPackage(name);
  if (match === null) {
    return false;
  }
  const libc = match[4];
  return match[2] === 'linux' && match[3] === NPM_CPU[architecture] && (libc === undefined || libc === 'gnu');
}

/** The RID folder of a .NET runtime-specific asset: `runtimes/<rid>/` in NuGet's layout. */
const DOTNET_RID_FOLDER = /(?:^|\/)runtimes\/([^/]+)\//;

/**
 * True for a .NET asset under `runtimes/<rid>/` that the .NET host on Lambda never loads. Framework-
 * dependent `dotnet publish` keeps the assets of every RID; on Lambda the host resolves those of
 * `linux-x64` or `linux-arm64` and of the portable `linux` and `unix` folders, and no others
 * (Windows, macOS, musl, Android, another CPU).
 */
function isOtherDotnetRuntimeAsset(path: string, architecture: Architecture): boolean {
  const match = DOTNET_RID_FOLDER.exec(path);
  if (match === null) {
    return false;
  }
  const rid = match[1];
  if (rid === 'unix' || rid === 'linux' || rid === `linux-${NPM_CPU[architecture]}`) {
    return false;
  }
  return /^(?:win|osx|maccatalyst|ios|iossimulator|tvos|tvossimulator|android|browser|freebsd|illumos|solaris|linux-)/.test(rid);
}

const unusedCopies = new WeakMap<ArtifactModel['parts'], Map<Architecture, Set<AnalyzedEntry>>>();

/**
 * Finds entries that Lambda never loads because a build for Lambda's platform sits beside them. These
 * are files of npm platform packages for another platform when the family also has the Linux build
 * for this CPU (as pnpm's supportedArchitectures installs them). They are also `prebuilds/<os>-<cpu>/`
 * folders for another platform when `prebuilds/linux-<cpu>/` exists, which node-gyp-build picks,
 * and .NET `runtimes/<rid>/` assets for another OS.
 */
export function unusedPlatformCopies(model: ArtifactModel): Set<AnalyzedEntry> {
  const perArchitecture = unusedCopies.get(model.parts) ?? new Map<Architecture, Set<AnalyzedEntry>>();
  unusedCopies.set(model.parts, perArchitecture);
  let unused = perArchitecture.get(model.settings.architecture);
  if (unused === undefined) {
    unused = findUnusedPlatformCopies(model);
    perArchitecture.set(model.settings.architecture, unused);
  }
  return unused;
}

function findUnusedPlatformCopies(model: ArtifactModel): Set<AnalyzedEntry> {
  const architecture = model.settings.architecture;
  const unused = new Set<AnalyzedEntry>();

  const families = new Map<string, NpmPackage[]>();
  for (const npmPackage of npmPackages(model)) {
    const family = platformFamily(npmPackage.name);
    if (family !== null) {
      families.set(family, [...(families.get(family) ?? []), npmPackage]);
    }
  }
  const unusedFolders: string[] = [];
  for (const members of families.values()) {
    if (members.some((member) => platformPackageFits(member.name, architecture))) {
      for (const member of members.filter((candidate) => !platformPackageFits(candidate.name, architecture))) {
        unusedFolders.push(`${member.folder}/`);
      }
    }
  }

  const prebuildsWithLinux = new Set<string>();
  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const match = prebuildsFolder(analyzed.entry.path);
      if (match !== null && match[2] === 'linux' && match[3] === NPM_CPU[architecture]) {
        prebuildsWithLinux.add(match[1]);
      }
    }
  }

  for (const part of model.parts) {
    for (const analyzed of part.entries) {
      const path = analyzed.entry.path;
      if (unusedFolders.some((folder) => path.startsWith(folder))) {
        unused.add(analyzed);
        continue;
      }
      if (isOtherDotnetRuntimeAsset(path, architecture)) {
        unused.add(analyzed);
        continue;
      }
      const prebuild = prebuildsFolder(path);
      const fits = prebuild !== null && prebuild[2] === 'linux' && prebuild[3] === NPM_CPU[architecture];
      if (prebuild !== null && !fits && prebuildsWithLinux.has(prebuild[1])) {
        unused.add(analyzed);
      }
    }
  }
  return unused;
}
