import type { Rule } from '../src/engine/rule.js';
import { lifecycleStatus } from '../src/runtime-status.js';

export const rule: Rule = {
  code: 'LL4001',
  name: 'deprecated-runtime',
  defaultLevel: 'warning',
  deploymentOnly: true,
  summary: 'The runtime is deprecated, or AWS already blocks creating or updating functions on it.',
  fact: "After a runtime's deprecation date AWS stops patching it; later it blocks creating functions on it, then updating them. Invocations keep working.",
  lambdaError: 'InvalidParameterValueException: The runtime parameter of X is no longer supported for creating or updating AWS Lambda functions.',
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const lifecycle = runtime.lifecycle;
    const today = model.settings.now.toISOString().slice(0, 10);
    const status = lifecycleStatus(runtime, today);
    const fix =
      lifecycle.successor === null
        ? 'Move the function to a supported runtime (`lambda-lint runtimes` lists them), then rebuild and lint it for that runtime.'
        : `Move the function to ${lifecycle.successor}: set its Runtime to ${lifecycle.successor}, rebuild, and lint the package with --runtime ${lifecycle.successor}.`;

    if (status === 'update-blocked') {
      report({
        severity: 'error',
        message:
          `${runtime.id} is deprecated, and since ${lifecycle.blockUpdate ?? ''} AWS blocks updating functions on it: ` +
          `deploying this package to a ${runtime.id} function fails with "The runtime parameter of ${runtime.id} is no longer supported".`,
        fix,
        detail: 'update-blocked',
      });
    } else if (status === 'create-blocked') {
      report({
        message:
          `${runtime.id} is deprecated, and since ${lifecycle.blockCreate ?? ''} AWS blocks creating functions on it; ` +
          `updates are blocked from ${lifecycle.blockUpdate ?? 'a date not yet announced'}.`,
        fix,
        detail: 'create-blocked',
      });
    } else if (status === 'deprecated') {
      const update = lifecycle.blockUpdate === null ? '' : ` AWS blocks updating functions on it from ${lifecycle.blockUpdate}.`;
      report({
        message: `${runtime.id} (${runtime.os}) is deprecated since ${lifecycle.deprecation ?? ''}: it no longer gets security patches.${update}`,
        fix,
        detail: 'deprecated',
      });
    }
  },
};
