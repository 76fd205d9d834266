import type { Rule } from '../src/engine/rule.js';
import { findEntrypointCandidates, handlerNote } from './entrypoint-candidates.js';
import { INVALID_ENTRYPOINT } from './support.js';

export const rule: Rule = {
  code: 'LL1001',
  name: 'missing-bootstrap',
  defaultLevel: 'error',
  summary: 'No bootstrap at the package root and no layer that provides /opt/bootstrap.',
  fact: 'Custom runtimes (provided, provided.al2, provided.al2023) execute /var/task/bootstrap, or /opt/bootstrap from a layer when the function has none; Handler plays no part in finding it.',
  lambdaError: INVALID_ENTRYPOINT,
  check({ model, report }) {
    if (model.settings.kind === 'layer' || model.settings.runtime.handler !== 'bootstrap' || model.entrypoint.path !== null) {
      return;
    }

    const candidates = findEntrypointCandidates(model);
    if (candidates.nested.length > 0 || candidates.misnamed.length > 0) {
      return;
    }

    const layers = model.parts.length > 1 ? ' and none of the layers has one at its root' : '';
    report({
      message:
        `The package has no file named bootstrap at its root${layers}. ${model.settings.runtime.id} starts only ` +
        `/var/task/bootstrap or /opt/bootstrap, so every invoke fails with ${INVALID_ENTRYPOINT}.${handlerNote(model)}`,
      fix:
        'Build the executable as `bootstrap` and zip it at the root: `cargo lambda build --release --output-format zip` ' +
        'does both; for Go, `go build -o bootstrap` then `zip function.zip bootstrap`. If a layer provides the ' +
        'runtime, check it together with the function: `lambda-lint function.zip --layer runtime-layer.zip`.',
    });
  },
};
