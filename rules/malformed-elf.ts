import type { Rule } from '../src/engine/rule.js';
import { elfEntries, describeRole } from './support.js';

export const rule: Rule = {
  code: 'LL0003',
  name: 'malformed-elf',
  defaultLevel: 'error',
  summary: 'An ELF file is truncated or structurally invalid (offsets past the end, absurd counts, broken chains).',
  fact: 'The kernel reads the ELF header and program headers of an executable before it starts it, and maps its PT_LOAD segments; ld.so does the same for each library. A cut header table stops the start; a cut segment maps pages past the end of the file, and touching them kills the process.',
  lambdaError: 'exec format error (cut header tables), or the process dies with SIGSEGV or SIGBUS (cut segments): Runtime exited with error: signal: segmentation fault',
  check({ model, report }) {
    for (const analyzed of elfEntries(model)) {
      const elf = analyzed.elf;
      if (elf === undefined || elf.problems.length === 0) {
        continue;
      }

      const role = describeRole(model, analyzed);
      const others = elf.problems.length > 1 ? ` (and ${elf.problems.length - 1} more problems)` : '';
      const segmentCut = elf.problems.every((problem) => problem.startsWith('PT_LOAD segment'));
      let consequence: string;
      if (segmentCut && role === 'entrypoint') {
        consequence =
          'The kernel starts it, but the process dies with SIGSEGV or SIGBUS when it touches the missing part ' +
          '("Runtime exited with error: signal: segmentation fault" is the expected report; no Lambda log of this case is known).';
      } else if (segmentCut) {
        consequence = 'Loading or running it ends in SIGBUS or SIGSEGV when the missing part is touched.';
      } else if (role === 'entrypoint') {
        consequence = `The kernel refuses to start it: "fork/exec ${model.entrypoint.path ?? ''}: exec format error".`;
      } else {
        consequence = 'ld.so or the kernel rejects it when it is loaded or run ("cannot read file data", "exec format error").';
      }

      report({
        entry: analyzed,
        severity: role === 'other' ? 'warning' : 'error',
        message: `${analyzed.entry.name} is a malformed ELF file: ${elf.problems[0]}${others}. ${consequence}`,
        fix:
          'Rebuild the file, or copy it again if it came from a download or an interrupted copy. `readelf -lW FILE` lists ' +
          'each segment\'s Offset and FileSiz: their sum must not exceed the file size.',
        detail: elf.problems[0],
      });
    }
  },
};
