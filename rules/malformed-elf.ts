import type { Rule } from '../src/engine/rule.js';
import { allEntries, describeRole } from './support.js';

export const rule: Rule = {
  code: 'LL0003',
  name: 'malformed-elf',
  defaultLevel: 'error',
  summary: 'An ELF file is truncated or structurally invalid (offsets past the end, absurd counts, broken chains).',
  fact: 'The kernel maps every PT_LOAD segment of an executable and ld.so maps those of each library; a segment or table past the end of the file cannot be mapped.',
  lambdaError: 'fork/exec /var/task/bootstrap: exec format error, or "error while loading shared libraries: ... file too short".',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.problems.length === 0) {
        continue;
      }

      const role = describeRole(model, analyzed);
      const others = elf.problems.length > 1 ? ` (and ${elf.problems.length - 1} more problems)` : '';
      const consequence =
        role === 'entrypoint'
          ? 'The kernel refuses to start it: "fork/exec ' + (model.entrypoint.path ?? '') + ': exec format error".'
          : 'ld.so or the kernel rejects it when it is loaded or run ("file too short", "exec format error").';

      report({
        entry: analyzed,
        severity: role === 'other' ? 'warning' : 'error',
        message: `${analyzed.entry.name} is a malformed ELF file: ${elf.problems[0]}${others}. ${consequence}`,
        fix:
          'Rebuild the file, or copy it again if it came from a download or an interrupted copy; ' +
          '`readelf -lW FILE` shows the segments that lie past the end of the file.',
        detail: elf.problems[0],
      });
    }
  },
};
