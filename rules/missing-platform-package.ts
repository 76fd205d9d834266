import type { Rule } from '../src/engine/rule.js';
import { NPM_CPU, installForLinuxFix, npmPackages, platformFamily, platformPackageFits } from './native-modules.js';

export const rule: Rule = {
  code: 'LL5103',
  name: 'missing-platform-package',
  defaultLevel: 'error',
  summary: 'node_modules has per-platform packages of a family (sharp, rollup, esbuild, swc...) but not the one for Linux on this CPU with glibc.',
  fact: 'Packages such as sharp, rollup, esbuild and swc ship their native code as optional per-platform packages (@img/sharp-linux-x64, @rollup/rollup-linux-arm64-gnu); npm installs only the one for the machine that ran npm install.',
  lambdaError: "Error: Could not load the \"sharp\" module using the linux-x64 runtime / Cannot find module '@rollup/rollup-linux-x64-gnu'",
  check({ model, report }) {
    const architecture = model.settings.architecture;
    const families = new Map<string, string[]>();

    for (const npmPackage of npmPackages(model)) {
      const family = platformFamily(npmPackage.name);
      if (family !== null) {
        families.set(family, [...(families.get(family) ?? []), npmPackage.name]);
      }
    }

    for (const [family, members] of families) {
      const fits = members.some((name) => platformPackageFits(name, architecture));
      if (fits) {
        continue;
      }

      const usesLibcSuffix = members.some((name) => /-(gnu|musl|msvc)$/.test(name));
      const separator = family.endsWith('/') ? '' : '-';
      const expectedPackage = `${family}${separator}linux-${NPM_CPU[architecture]}${usesLibcSuffix ? '-gnu' : ''}`;
      const sharpHint = family === '@img/sharp' ? ` For sharp: \`npm install --os=linux --cpu=${NPM_CPU[architecture]} sharp\`.` : '';
      report({
        entryName: members[0],
        message:
          `node_modules has ${members.join(', ')} but no ${expectedPackage}: the package was installed on another ` +
          `platform, and on Lambda it cannot find its native code for linux-${NPM_CPU[architecture]} and fails at init.`,
        fix: `${installForLinuxFix(model)}${sharpHint}`,
        detail: family,
      });
    }
  },
};
