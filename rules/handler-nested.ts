import type { Rule } from '../src/engine/rule.js';
import { handlerNotFoundError, missingHandlerTarget, nestedHandlerCopies } from './handler-rules.js';

export const rule: Rule = {
  code: 'LL1016',
  name: 'handler-nested',
  defaultLevel: 'error',
  summary: "The handler's file exists, but inside the package's single top folder: the folder was zipped instead of its contents.",
  fact: 'Lambda extracts the zip into /var/task and loads the handler relative to it; a file under my-function/ lands in /var/task/my-function/, where the runtime does not look.',
  lambdaError: "Runtime.ImportModuleError: Error: Cannot find module 'index'",
  check({ model, report }) {
    const target = missingHandlerTarget(model);
    if (target === null) {
      return;
    }

    for (const copy of nestedHandlerCopies(model, target)) {
      const folder = copy.entry.path.split('/')[0];
      report({
        entry: copy,
        message:
          `${copy.entry.name} is inside the folder ${folder}/, which was zipped instead of its contents. The runtime looks for ` +
          `${target.description} at the package root and fails with ${handlerNotFoundError(model, target)}.`,
        fix:
          `Zip the folder's contents: \`cd ${folder} && zip -r ../function.zip .\`` +
          (['nodejs', 'python', 'ruby'].includes(model.settings.runtime.family) ? ` (or set the Handler to "${folder}/${target.handler}").` : '.'),
        detail: copy.entry.name,
      });
    }
  },
};
