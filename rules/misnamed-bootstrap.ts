import type { Rule } from '../src/engine/rule.js';
import { findEntrypointCandidates } from './entrypoint-candidates.js';
import { INVALID_ENTRYPOINT, foreignBinaryDescription, shellWord } from './support.js';

export const rule: Rule = {
  code: 'LL1003',
  name: 'misnamed-bootstrap',
  defaultLevel: 'error',
  summary: 'An executable sits at the package root under another name than bootstrap.',
  fact: 'Custom runtimes execute the file named exactly bootstrap (lower case, no extension); the Handler value does not choose the executable.',
  lambdaError: INVALID_ENTRYPOINT,
  check({ model, report }) {
    if (model.settings.kind === 'layer' || model.settings.runtime.handler !== 'bootstrap' || model.entrypoint.path !== null) {
      return;
    }

    const candidates = findEntrypointCandidates(model);
    if (candidates.nested.length > 0) {
      return;
    }

    for (const analyzed of candidates.misnamed) {
      const name = analyzed.entry.path;
      const handler = model.settings.handler;
      const handlerSentence =
        handler === name
          ? ` The Handler "${handler}" names it, but ${model.settings.runtime.id} ignores Handler when it looks for the ` +
            'executable; only the retired go1.x runtime ran the file Handler named.'
          : '';

      const foreign = foreignBinaryDescription(analyzed);
      const foreignSentence = foreign === null ? '' : ` It is also ${foreign}, which Linux cannot run: build it for Linux first.`;

      report({
        entry: analyzed,
        message:
          `${name} looks like the function's executable, but custom runtimes only start a file named bootstrap, ` +
          `so Lambda fails with ${INVALID_ENTRYPOINT}.${handlerSentence}${foreignSentence}`,
        fix:
          (shellWord(name) === null
            ? 'Rename it to bootstrap before zipping (its name holds control characters). '
            : `Rename it before zipping: \`mv ${shellWord(name) ?? ''} bootstrap && zip function.zip bootstrap\`. `) +
          '`cargo lambda build` names the binary bootstrap for you; for Go use `go build -o bootstrap`.',
        detail: name,
      });
    }
  },
};
