import type { AnalyzedEntry, ArtifactModel } from '../src/analysis/model.js';
import { lifecycleStatus } from '../src/runtime-status.js';
import { listRuntimes, type RuntimeInfo } from '../src/runtimes/runtime.js';
import { compareVersionNumbers, parseVersionName, parseVersionNumbers } from '../src/runtimes/versions.js';
import type { Rule } from '../src/engine/rule.js';
import { runsOnArchitecture } from './elf-roles.js';
import { isMuslLibc } from './musl-linked.js';
import { allEntries, isLoadedByEntrypoint, runtimesProviding } from './support.js';

export const rule: Rule = {
  code: 'LL3005',
  name: 'missing-shared-library',
  defaultLevel: 'error',
  summary: 'A DT_NEEDED library is neither in the runtime nor in the package where the loader looks.',
  fact: 'ld.so looks for each DT_NEEDED library in DT_RPATH, then LD_LIBRARY_PATH (on Lambda: /lib64, /usr/lib64, /var/task, /var/task/lib, /opt/lib), then DT_RUNPATH, then /lib64 and /usr/lib64; the runtime provides only the libraries of its minimal OS image.',
  lambdaError: 'error while loading shared libraries: X: cannot open shared object file: No such file or directory; Runtime exited with error: exit status 127 (Runtime.ExitError)',
  check({ model, report }) {
    const runtimeId = model.settings.runtime.id;

    for (const [analyzed, resolutions] of model.libraries) {
      if (analyzed.elf === undefined || !runsOnArchitecture(model, analyzed.elf)) {
        continue;
      }
      for (const resolution of resolutions) {
        if (resolution.status === 'package') {
          continue;
        }

        const soname = resolution.soname;
        // musl-linked reports musl's libc on shared objects; a musl executable fails on its loader first.
        if (isMuslLibc(soname) && (analyzed.elf.interpreter === null || analyzed.elf.interpreter.includes('ld-musl'))) {
          continue;
        }
        if (resolution.status === 'runtime') {
          if (resolution.confirmed) {
            continue;
          }
          report({
            entry: analyzed,
            severity: 'warning',
            message:
              `${analyzed.entry.name} needs ${soname} (DT_NEEDED). ${runtimeId} probably has it, but that is not confirmed ` +
              `for its .zip runtime (see the runtime's data file); if it is absent, Lambda fails with "error while loading ` +
              `shared libraries: ${soname}: cannot open shared object file", exit status 127.`,
            fix: `Ship ${soname} in the package's lib/ folder to be safe, or link it statically.`,
            detail: soname,
            unconfirmedStart: isLoadedByEntrypoint(model, analyzed),
          });
          continue;
        }

        report({
          entry: analyzed,
          message: `${analyzed.entry.name} needs ${soname} (DT_NEEDED), which ${runtimeId} does not have${elsewhereNote(model, analyzed, soname)}: ` +
            `Lambda fails with "error while loading shared libraries: ${soname}: cannot open shared object file: ` +
            `No such file or directory", then "Runtime exited with error: exit status 127" (Runtime.ExitError).` +
            availabilityNote(model, analyzed, soname),
          fix: fixFor(soname),
          detail: soname,
        });
      }
    }
  },
};

/** Describes where the package has a file of that name off the loader's search path, if anywhere. */
function elsewhereNote(model: ArtifactModel, needer: AnalyzedEntry, soname: string): string {
  const copies = allEntries(model).filter((analyzed) => {
    const name = analyzed.entry.name;
    return analyzed !== needer && (name === soname || name.endsWith(`/${soname}`) || name.endsWith(`\\${soname}`));
  });
  if (copies.length === 0) {
    return ' and the package does not ship';
  }
  const names = copies.map((copy) => copy.entry.name).join(', ');
  return ` and the package ships it only as ${names}, which is not on the loader's search path (/var/task, /var/task/lib, /opt/lib, DT_RUNPATH)`;
}

/**
 * Names the other runtimes of the family that have the library, leaving out those on which the file
 * still could not start for its glibc need, and marking deprecated ones.
 */
function availabilityNote(model: ArtifactModel, needer: AnalyzedEntry, soname: string): string {
  const { runtime, architecture } = model.settings;
  if (soname.startsWith('libc.musl-') || soname === 'libc.so') {
    return ` ${soname} is musl libc's library: the file was linked against musl, and no Lambda runtime has musl.`;
  }

  const glibcNeed = highestGlibcNeed(needer);
  const providing = runtimesProviding(runtime.family, soname, architecture).filter((id) => id !== runtime.id);
  const others = listRuntimes()
    .filter((candidate) => providing.includes(candidate.id))
    .filter((candidate) => glibcNeed === null || glibcMeets(candidate, glibcNeed));
  if (others.length > 0) {
    const today = model.settings.now.toISOString().slice(0, 10);
    const labels = others.map((candidate) => (lifecycleStatus(candidate, today) === 'supported' ? candidate.id : `${candidate.id} (deprecated)`));
    return ` ${soname} is part of ${labels.join(', ')}.`;
  }
  if (providing.length > 0) {
    return ` ${soname} is part of ${providing.join(', ')}, whose glibc is too old for the file's other needs.`;
  }
  return ` No ${runtime.family === 'provided' ? 'custom' : runtime.family} runtime (${architecture}) provides ${soname}.`;
}

/** The highest GLIBC_ version the file needs, as numbers, or null when it needs none. */
function highestGlibcNeed(analyzed: AnalyzedEntry): number[] | null {
  let highest: number[] | null = null;
  for (const need of analyzed.elf?.versionNeeds ?? []) {
    for (const version of need.versions) {
      const parsed = parseVersionName(version.name);
      if (parsed?.namespace === 'GLIBC' && !version.weak && (highest === null || compareVersionNumbers(parsed.numbers, highest) > 0)) {
        highest = parsed.numbers;
      }
    }
  }
  return highest;
}

function glibcMeets(runtime: RuntimeInfo, need: number[]): boolean {
  const highest = runtime.symbolVersions.GLIBC;
  return highest !== null && compareVersionNumbers(parseVersionNumbers(highest), need) >= 0;
}

function fixFor(soname: string): string {
  const general =
    `Ship ${soname} (and what it needs) in the package's lib/ folder, which is on LD_LIBRARY_PATH as /var/task/lib, ` +
    'link it statically, or move to a runtime that provides it.';
  if (soname.startsWith('libssl') || soname.startsWith('libcrypto')) {
    return (
      `${general} For Rust, use rustls instead of OpenSSL (reqwest's \`rustls-tls\` feature) or the openssl crate's ` +
      '`vendored` feature, which links OpenSSL statically.'
    );
  }
  if (soname.startsWith('libc.musl-') || soname === 'libc.so') {
    return 'Link musl statically (`musl-gcc -static`; Rust musl targets do by default), or build against glibc in an Amazon Linux image.';
  }
  return general;
}
