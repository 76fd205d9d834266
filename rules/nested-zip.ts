import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL1020',
  name: 'nested-zip',
  defaultLevel: 'warning',
  summary: 'The package contains a .zip file, which Lambda does not unpack.',
  fact: 'Lambda extracts the deployment package once; a zip inside it lands as a file, still compressed. A nested zip is usually a build step that zipped its own output again, or a layer zipped into the function.',
  lambdaError: 'none of its own: the files inside the inner zip are missing at run time',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      if (analyzed.entry.type !== 'file' || !/\.zip$/i.test(analyzed.entry.path)) {
        continue;
      }
      const members = analyzed.archiveMembers;
      const inside = members === undefined ? '' : ` (${members.length} entries, e.g. ${members.slice(0, 3).join(', ')})`;

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} is a zip inside the package${inside}. Lambda does not unpack it, so its files are not ` +
          'available to the function unless the code unzips it at run time.',
        fix:
          'Zip the files themselves instead of a zip of them; deploy a layer as a layer (--layer), not inside the function.',
        detail: analyzed.entry.name,
      });
    }
  },
};
