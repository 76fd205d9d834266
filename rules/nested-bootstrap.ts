import type { Rule } from '../src/engine/rule.js';
import { findEntrypointCandidates } from './entrypoint-candidates.js';
import { INVALID_ENTRYPOINT, shellWord } from './support.js';

export const rule: Rule = {
  code: 'LL1002',
  name: 'nested-bootstrap',
  defaultLevel: 'error',
  summary: 'bootstrap exists, but inside a folder: the folder was zipped instead of its contents.',
  fact: 'Lambda extracts the zip into /var/task and looks for /var/task/bootstrap only; a bootstrap inside a folder is not found.',
  lambdaError: INVALID_ENTRYPOINT,
  check({ model, report }) {
    if (model.settings.kind === 'layer' || model.settings.runtime.handler !== 'bootstrap' || model.entrypoint.path !== null) {
      return;
    }

    for (const analyzed of findEntrypointCandidates(model).nested) {
      const name = analyzed.entry.path;
      const folder = name.slice(0, name.lastIndexOf('/'));
      const where = analyzed.part.role === 'layer' ? `/opt/${name}` : `/var/task/${name}`;

      report({
        entry: analyzed,
        message:
          `bootstrap is at ${name}, not at the root: the folder ${folder}/ was zipped instead of its contents. ` +
          `Lambda extracts it to ${where} and fails with ${INVALID_ENTRYPOINT}.`,
        fix:
          `Zip the file without its folder: \`zip -j function.zip ${shellWord(name) ?? name}\` (-j stores it as bootstrap and keeps its mode), ` +
          `and add other files the same way. cargo-lambda users: ` +
          '`cargo lambda build --release --output-format zip` writes target/lambda/<function>/bootstrap.zip with bootstrap at its root.',
        detail: name,
      });
    }
  },
};
