import type { Rule } from '../src/engine/rule.js';
import { symlinkTargets } from './symlinks.js';

export const rule: Rule = {
  code: 'LL1012',
  name: 'symlink-outside-package',
  defaultLevel: 'error',
  summary: 'A symlink points outside the package (absolute, or climbing out with `..`).',
  fact: 'After extraction a symlink resolves inside the execution environment: a target outside /var/task and /opt points at whatever the runtime has there, never at a file you ship.',
  lambdaError: 'No such file or directory, or the function reads a runtime file instead of its own',
  check({ model, report }) {
    for (const link of symlinkTargets(model)) {
      if (link.resolution.status !== 'outside' || link.inUncheckedLayers) {
        continue;
      }

      report({
        entry: link.analyzed,
        message:
          `${link.analyzed.entry.name} is a symlink to "${link.target}", which resolves to ${link.resolution.path}, ` +
          'outside the package. On Lambda it points into the execution environment, not at a file you ship, ' +
          'and extractors that guard against zip slip reject it.',
        fix:
          'Replace the link with the file it should point to (zip without -y stores the target\'s contents), ' +
          'or make it a relative link to a file inside the package.',
        detail: link.target,
      });
    }
  },
};
