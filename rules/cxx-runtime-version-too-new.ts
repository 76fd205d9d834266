import type { Rule } from '../src/engine/rule.js';
import { installForLinuxFix } from './native-modules.js';
import { compilerInstall, isLoadedByEntrypoint, moduleLoadError, runtimeImage, runtimesWithVersion } from './support.js';
import { judgeVersion, runtimeVersionNeeds } from './version-needs.js';

const CXX_NAMESPACES = new Set(['GLIBCXX', 'CXXABI', 'GCC']);

export const rule: Rule = {
  code: 'LL3007',
  name: 'cxx-runtime-version-too-new',
  defaultLevel: 'error',
  summary: "An ELF file needs a GLIBCXX_, CXXABI_ or GCC_ version newer than the runtime's libstdc++ or libgcc_s.",
  fact: 'The runtime\'s libstdc++.so.6 and libgcc_s.so.1 come from its GCC: GCC 7 on Amazon Linux 2 (GLIBCXX_3.4.24), GCC 11 on Amazon Linux 2023 (GLIBCXX_3.4.29). /lib64 comes before /var/task/lib on LD_LIBRARY_PATH, so a newer libstdc++ shipped in lib/ is not used unless DT_RPATH points to it.',
  lambdaError: "version `GLIBCXX_3.4.26' not found (required by /var/task/bootstrap); Runtime exited with error: exit status 1 (Runtime.ExitError)",
  check({ model, report }) {
    const runtime = model.settings.runtime;

    for (const need of runtimeVersionNeeds(model)) {
      if (!CXX_NAMESPACES.has(need.namespace)) {
        continue;
      }
      const verdict = judgeVersion(model, need);
      if (verdict === 'met' || verdict === 'unknown') {
        continue;
      }

      const where = need.analyzed.path ?? need.analyzed.entry.name;
      const runsOn = runtimesWithVersion(runtime.family, need.namespace, need.numbers, model.settings.architecture);
      const newest = `${need.namespace}_${runtime.symbolVersions[need.namespace]}`;
      const newerOnly =
        verdict === 'newer-builds-only'
          ? ` Runtime builds from 2025-08 on have it, but functions still running on an older build fail.`
          : '';

      report({
        entry: need.analyzed,
        severity: verdict === 'newer-builds-only' ? 'warning' : undefined,
        unconfirmedStart: verdict === 'newer-builds-only' && isLoadedByEntrypoint(model, need.analyzed),
        message:
          `${need.analyzed.entry.name} needs ${need.version} from ${need.library}, but ${runtime.id}'s library stops at ${newest}: ` +
          (moduleLoadError(model, need.analyzed) === null
            ? `Lambda fails with "${need.library}: version \`${need.version}' not found (required by ${where})", then ` +
              '"Runtime exited with error: exit status 1" (Runtime.ExitError).'
            : `loading it fails with "version \`${need.version}' not found": ${moduleLoadError(model, need.analyzed) ?? ''}.`) +
          newerOnly +
          (runsOn.length > 0 ? ` It runs on ${runsOn.join(', ')}.` : ''),
        fix: moduleLoadError(model, need.analyzed) !== null ? installForLinuxFix(model) :
          'Link the C++ runtime statically (`-static-libstdc++ -static-libgcc`), build with the compiler of the ' +
          `runtime's image (${runtimeImage(runtime)}, after \`${compilerInstall(runtime)} gcc-c++\`), or move to a runtime with a newer libstdc++. ` +
          'Shipping a newer libstdc++.so.6 in lib/ helps only with a DT_RPATH pointing there (`-Wl,--disable-new-dtags,-rpath,\'$ORIGIN/lib\'`), ' +
          'because /lib64 comes before /var/task/lib on LD_LIBRARY_PATH.',
        detail: need.version,
      });
    }
  },
};
