import type { Rule } from '../src/engine/rule.js';
import { installForLinuxFix } from './native-modules.js';
import { compilerInstall, moduleLoadError, runtimeImage, runtimesWithVersion, toolchainNames } from './support.js';
import { judgeVersion, runtimeVersionNeeds } from './version-needs.js';

export const rule: Rule = {
  code: 'LL3006',
  name: 'glibc-version-too-new',
  defaultLevel: 'error',
  summary: "An ELF file needs a GLIBC_ symbol version newer than the runtime's glibc (2.17 on provided, 2.26 on provided.al2, 2.34 on provided.al2023).",
  fact: "ld.so checks every version an ELF file needs (DT_VERNEED) against the libraries it loads; glibc only has the versions up to its own release: 2.17 on Amazon Linux 1, 2.26 on Amazon Linux 2, 2.34 on Amazon Linux 2023.",
  lambdaError: "version `GLIBC_2.28' not found (required by /var/task/bootstrap); Runtime exited with error: exit status 1 (Runtime.ExitError)",
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const architecture = model.settings.architecture;
    const names = toolchainNames(architecture);

    for (const need of runtimeVersionNeeds(model)) {
      if (need.namespace !== 'GLIBC') {
        continue;
      }
      const verdict = judgeVersion(model, need);
      if (verdict === 'met' || verdict === 'unknown') {
        continue;
      }

      const where = need.analyzed.path ?? need.analyzed.entry.name;
      const runsOn = runtimesWithVersion(runtime.family, 'GLIBC', need.numbers, architecture);
      const runsOnSentence = runsOn.length > 0 ? ` It runs on ${runsOn.join(', ')}.` : ' No custom runtime has a glibc that new.';
      const glibcTarget = runtime.glibc;

      const moduleError = moduleLoadError(model, need.analyzed);
      const consequence =
        moduleError === null
          ? `Lambda fails with "${need.library}: version \`${need.version}' not found (required by ${where})", then "Runtime exited with error: exit status 1" (Runtime.ExitError)`
          : `loading it fails with "version \`${need.version}' not found (required by ${where})": ${moduleError}`;
      report({
        entry: need.analyzed,
        message:
          `${need.analyzed.entry.name} needs ${need.version} from ${need.library}, but ${runtime.id} has glibc ${runtime.glibc} ` +
          `(newest version GLIBC_${runtime.symbolVersions.GLIBC}): ${consequence}.${runsOnSentence}`,
        fix: moduleError !== null ? `${installForLinuxFix(model)} Or move the function to ${runsOn[0]?.split(' ')[0] ?? 'a runtime on Amazon Linux 2023'}.` :
          `Build against glibc ${glibcTarget} or older: \`cargo lambda build --release --target ${names.gnu}.${glibcTarget}\` ` +
          `(the suffix sets the glibc version); a static musl build (\`--target ${names.musl}\`); for Go, \`CGO_ENABLED=0\`; ` +
          `or build inside the runtime's own image (${runtimeImage(runtime)}, after \`${compilerInstall(runtime)}\`).` +
          (runsOn.length > 0 ? ` Or move the function to ${runsOn[0].split(' ')[0]}.` : ''),
        detail: need.version,
      });
    }
  },
};
