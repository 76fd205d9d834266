import type { Rule } from '../src/engine/rule.js';
import { entrypointScript } from './script-checks.js';

export const rule: Rule = {
  code: 'LL2002',
  name: 'script-crlf',
  defaultLevel: 'error',
  summary: "A script bootstrap's #! line ends in CR LF (Windows line endings).",
  fact: 'The kernel takes everything up to LF on the #! line as the interpreter path, so with CR LF it looks for "/bin/sh\\r", which does not exist.',
  lambdaError: 'fork/exec /var/task/bootstrap: no such file or directory (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const found = entrypointScript(model);
    if (found === null || !found.script.crlf) {
      return;
    }

    report({
      entry: found.analyzed,
      message:
        `${found.analyzed.entry.name} has Windows line endings: its #! line ends in CR LF, so the kernel looks for the ` +
        `interpreter "${found.script.shebang}\\r", which does not exist, and Lambda fails with ` +
        `"fork/exec ${found.path}: no such file or directory" (Runtime.InvalidEntrypoint) although the file is there.`,
      fix:
        "Convert it to LF: `dos2unix bootstrap` or `sed -i 's/\\r$//' bootstrap`; add `bootstrap text eol=lf` and " +
        '`*.sh text eol=lf` to .gitattributes so a Windows checkout keeps LF.',
      detail: 'crlf',
    });
  },
};
