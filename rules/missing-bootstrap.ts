import type { ArtifactModel } from '../src/analysis/model.js';
import type { Rule } from '../src/engine/rule.js';
import { findEntrypointCandidates, handlerNote } from './entrypoint-candidates.js';
import { INVALID_ENTRYPOINT } from './support.js';

/** How to make a bootstrap, after "Build" or "build". */
const BUILD_BOOTSTRAP =
  'the executable as `bootstrap` and zip it at the root: `cargo lambda build --release --output-format zip` ' +
  'does both; for Go, `go build -o bootstrap` then `zip function.zip bootstrap`. If a layer provides the ' +
  'runtime, check it together with the function: `lambda-lint function.zip --layer runtime-layer.zip`.';

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
    const managed = managedRuntimeHint(model);
    report({
      message:
        `The package has no file named bootstrap at its root${layers}. ${model.settings.runtime.id} starts only ` +
        `/var/task/bootstrap or /opt/bootstrap, so every invoke fails with ${INVALID_ENTRYPOINT}.${handlerNote(model)}` +
        (managed === null ? '' : ` ${managed.sentence}`),
      fix: managed === null ? `Build ${BUILD_BOOTSTRAP}` : `${managed.fix} Otherwise, build ${BUILD_BOOTSTRAP}`,
    });
  },
};

/** Root files that only a managed runtime's function has, with the runtime to lint it with; the first match wins. */
const MANAGED_SIGNS: Array<{ pattern: RegExp; language: string; example: string }> = [
  { pattern: /^(?:package\.json|index\.[cm]?js|app\.[cm]?js)$/, language: 'Node.js', example: '--runtime nodejs22.x --handler index.handler' },
  { pattern: /^(?:lambda_function|app|handler|main)\.py$/, language: 'Python', example: '--runtime python3.13 --handler lambda_function.lambda_handler' },
  { pattern: /^(?:lambda_function|app|handler)\.rb$|^Gemfile$/, language: 'Ruby', example: '--runtime ruby3.4 --handler lambda_function.lambda_handler' },
  { pattern: /\.(?:deps|runtimeconfig)\.json$/, language: '.NET', example: '--runtime dotnet8 --handler MyFunction::MyFunction.Function::FunctionHandler' },
];

/**
 * Returns a sentence and a fix for a Node.js, Python or Ruby package linted as a custom runtime, or
 * null for any other package. Leaving out --runtime leads there.
 */
function managedRuntimeHint(model: ArtifactModel): { sentence: string; fix: string } | null {
  const primary = model.parts.find((part) => part.primary);
  if (primary === undefined) {
    return null;
  }
  const rootNames = primary.entries
    .map((analyzed) => analyzed.entry.path)
    .filter((name) => !name.includes('/'));

  for (const sign of MANAGED_SIGNS) {
    const found = rootNames.find((name) => sign.pattern.test(name));
    if (found !== undefined) {
      return {
        sentence: `Its root holds ${found}, as a ${sign.language} function's package does.`,
        fix: `If this is a ${sign.language} function, lint it with its runtime and Handler, for example \`${sign.example}\`.`,
      };
    }
  }
  return null;
}
