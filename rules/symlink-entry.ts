import type { Rule } from '../src/engine/rule.js';
import { symlinkTargets } from './symlinks.js';

export const rule: Rule = {
  code: 'LL1011',
  name: 'symlink-entry',
  defaultLevel: 'info',
  summary: 'The package holds a symlink; shows where it points.',
  fact: 'Zips written with `zip -y` store symlinks as links; community reports (no AWS document) show Lambda extracts them as links, as layers with `libfoo.so.1 -> libfoo.so.1.0.0` chains rely on. `zip` without -y stores the target file instead.',
  lambdaError: 'none while the target exists in the package or a layer',
  check({ model, report }) {
    for (const link of symlinkTargets(model)) {
      if (link.resolution.status === 'outside' && !link.inUncheckedLayers) {
        continue;
      }

      let where: string;
      if (link.inUncheckedLayers) {
        where = `${link.resolution.path}, which a layer has to provide (pass the layers with --layer to check them)`;
      } else if (link.resolution.status === 'found' || link.resolution.status === 'directory') {
        where = link.resolution.path;
      } else {
        where = `${link.resolution.path}, which does not exist in the package: the link dangles`;
      }

      const dangling = link.resolution.status === 'missing' || link.resolution.status === 'loop';
      report({
        entry: link.analyzed,
        severity: dangling && !link.inUncheckedLayers ? 'warning' : undefined,
        message: `${link.analyzed.entry.name} is a symlink to "${link.target}" and resolves to ${where}.`,
        fix: dangling
          ? 'Add the target to the package, or zip without -y so the file itself is stored.'
          : 'Nothing to change; keep zipping with `zip -y` so the link stays a link.',
        detail: link.target,
      });
    }
  },
};
