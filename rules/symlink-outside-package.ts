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

      // A relative link that climbs out with .. is the zip-slip pattern; an absolute link into the
      // execution environment (/tmp for a cache, /usr/lib64) can be deliberate.
      const absolute = link.target.startsWith('/');
      report({
        entry: link.analyzed,
        severity: absolute ? 'warning' : undefined,
        message: absolute
          ? `${link.analyzed.entry.name} is a symlink to ${link.target}, outside the package. On Lambda it points into the ` +
            'execution environment, not at a file you ship: that works only if the runtime has that path (/tmp does; ' +
            '/tmp is writable but empty at start).'
          : `${link.analyzed.entry.name} is a symlink to "${link.target}", which climbs out of the package to ` +
            `${link.resolution.path}. On Lambda it points into the execution environment, not at a file you ship, and ` +
            'extractors that guard against zip slip reject such links.',
        fix:
          'Replace the link with the file it should point to (zip without -y stores the target\'s contents), ' +
          'or make it a relative link to a file inside the package.',
        detail: link.target,
      });
    }
  },
};
