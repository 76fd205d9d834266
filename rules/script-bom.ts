import type { Rule } from '../src/engine/rule.js';
import { entrypointScript } from './script-checks.js';

export const rule: Rule = {
  code: 'LL2003',
  name: 'script-bom',
  defaultLevel: 'error',
  summary: 'A script bootstrap starts with a UTF-8 byte order mark before #!.',
  fact: 'The kernel recognises a script only when its first two bytes are #!; a byte order mark (EF BB BF) in front hides the #! line.',
  lambdaError: 'fork/exec /var/task/bootstrap: exec format error (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const found = entrypointScript(model);
    if (found === null || !found.script.bom) {
      return;
    }

    report({
      entry: found.analyzed,
      message:
        `${found.analyzed.entry.name} starts with a UTF-8 byte order mark before #!, so the kernel does not see a #! line ` +
        `and refuses to run it: "fork/exec ${found.path}: exec format error" (Runtime.InvalidEntrypoint).`,
      fix:
        "Save it as UTF-8 without BOM: `sed -i '1s/^\\xEF\\xBB\\xBF//' bootstrap`. In Windows PowerShell 5.1, " +
        '`Out-File -Encoding utf8` and `Set-Content -Encoding UTF8` add a BOM; PowerShell 7 writes none by default.',
      detail: 'bom',
    });
  },
};
