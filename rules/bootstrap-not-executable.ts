import type { Rule } from '../src/engine/rule.js';
import { PYTHON_ZIPFILE_MODE_FIX, missingModeReason, octalMode, shellWord, storesUnixModes, symbolicMode } from './support.js';

export const rule: Rule = {
  code: 'LL1004',
  name: 'bootstrap-not-executable',
  defaultLevel: 'error',
  summary: 'bootstrap has no execute permission for others, or was zipped by a host that records no Unix mode.',
  fact: 'Lambda keeps the Unix mode stored in the zip and runs bootstrap as a user that does not own the file, so the "others" execute bit (o+x) must be set; entries written by MS-DOS or Windows hosts carry no Unix mode and are extracted without execute permission.',
  lambdaError: 'fork/exec /var/task/bootstrap: permission denied (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const analyzed = model.entrypoint.entry;
    const path = model.entrypoint.path;
    if (model.entrypoint.kind !== 'executable' || analyzed === null || path === null) {
      return;
    }

    const permissions = analyzed.entry.permissions;
    const error = `"fork/exec ${path}: permission denied" (Runtime.InvalidEntrypoint)`;

    if (permissions === null) {
      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} was stored ${missingModeReason(analyzed)}, ` +
          `so Lambda extracts it without execute permission and fails with ${error}.`,
        fix: storesUnixModes(analyzed)
          ? PYTHON_ZIPFILE_MODE_FIX
          : 'Zip on Linux, macOS or WSL after `chmod 755 bootstrap`, or use a tool that writes Unix modes on Windows: ' +
            '`cargo lambda build --output-format zip`, `build-lambda-zip` from aws-lambda-go, or SAM/CDK packaging.',
        detail: 'no-unix-mode',
      });
      return;
    }

    if ((permissions & 0o001) !== 0) {
      return;
    }

    const ownerOnly = (permissions & 0o100) !== 0 ? ' Execute permission for the owner alone is not enough.' : '';
    report({
      entry: analyzed,
      message:
        `${analyzed.entry.name} has mode ${octalMode(permissions)} (${symbolicMode(permissions)}): others may not execute it. ` +
        `Lambda runs it as a user that does not own it and fails with ${error}.${ownerOnly}`,
      fix:
        model.kind === 'file'
          ? `\`chmod 755 ${shellWord(model.location) ?? model.location}\`, then zip it as bootstrap (zip keeps the mode).`
          : `\`chmod 755 bootstrap\` before zipping (zip keeps the mode), then zip again. ${PYTHON_ZIPFILE_MODE_FIX}`,
      detail: octalMode(permissions),
    });
  },
};
