import type { Rule } from '../src/engine/rule.js';
import { isLoadedByEntrypoint } from './support.js';
import { judgeVersion, packageVersionGaps, runtimeVersionNeeds } from './version-needs.js';

export const rule: Rule = {
  code: 'LL3008',
  name: 'symbol-version-not-found',
  defaultLevel: 'error',
  summary: 'An ELF file needs a symbol version that the library it loads does not define (a shipped library of another build, OpenSSL 3.x minor versions).',
  fact: 'ld.so refuses to run a file that needs a version (DT_VERNEED) the loaded library does not define (DT_VERDEF); shipped libraries and runtime libraries such as OpenSSL define only the versions of their own release.',
  lambdaError: "version `X' not found (required by /var/task/bootstrap); Runtime exited with error: exit status 1 (Runtime.ExitError)",
  check({ model, report }) {
    const runtime = model.settings.runtime;

    for (const need of runtimeVersionNeeds(model)) {
      if (need.namespace !== 'OPENSSL') {
        continue;
      }
      const verdict = judgeVersion(model, need);
      if (verdict === 'met' || verdict === 'unknown') {
        continue;
      }

      const where = need.analyzed.path ?? need.analyzed.entry.name;
      report({
        entry: need.analyzed,
        severity: verdict === 'newer-builds-only' ? 'warning' : undefined,
        unconfirmedStart: verdict === 'newer-builds-only' && isLoadedByEntrypoint(model, need.analyzed),
        message:
          `${need.analyzed.entry.name} needs ${need.version} from ${need.library}, newer than the OPENSSL_${runtime.symbolVersions.OPENSSL} ` +
          `that every ${runtime.id} build has: Lambda fails with "${need.library}: version \`${need.version}' not found ` +
          `(required by ${where})", exit status 1 (Runtime.ExitError).`,
        fix: 'Build against the runtime\'s OpenSSL (build in its image), link OpenSSL statically, or use rustls.',
        detail: need.version,
      });
    }

    for (const gap of packageVersionGaps(model)) {
      const where = gap.analyzed.path ?? gap.analyzed.entry.name;
      report({
        entry: gap.analyzed,
        message:
          `${gap.analyzed.entry.name} needs ${gap.version} from ${gap.soname}, but the copy in the package ` +
          `(${gap.library.entry.name}) does not define it: Lambda fails with "${gap.soname}: version \`${gap.version}' ` +
          `not found (required by ${where})", exit status 1 (Runtime.ExitError).`,
        fix: `Ship the build of ${gap.soname} that ${gap.analyzed.entry.name} was linked against.`,
        detail: `${gap.soname}:${gap.version}`,
      });
    }
  },
};
