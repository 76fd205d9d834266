import type { Rule } from '../src/engine/rule.js';
import { NPM_CPU, installForLinuxFix, npmPackages } from './native-modules.js';

/** `base-os-cpu` or `base-os-cpu-libc`, with npm's os and cpu names. */
const PLATFORM_PACKAGE = /^(.*)-(darwin|linux|win32|freebsd|openbsd|android|sunos|aix)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64|loong64|universal)(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?$/;

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
      const match = PLATFORM_PACKAGE.exec(npmPackage.name);
      if (match === null) {
        continue;
      }
      const family = match[1];
      families.set(family, [...(families.get(family) ?? []), npmPackage.name]);
    }

    for (const [family, members] of families) {
      const fits = members.some((name) => {
        const match = PLATFORM_PACKAGE.exec(name);
        const libc = match?.[4];
        return match?.[2] === 'linux' && match[3] === NPM_CPU[architecture] && (libc === undefined || libc === 'gnu');
      });
      if (fits) {
        continue;
      }

      const wanted = `${family}-linux-${NPM_CPU[architecture]}`;
      report({
        entryName: members[0],
        message:
          `node_modules has ${members.join(', ')} but no ${wanted} (glibc build): the package was installed on another ` +
          `platform, and on Lambda it cannot find its native code for linux-${NPM_CPU[architecture]} and fails at init.`,
        fix: `${installForLinuxFix(model)} For sharp: \`npm install --os=linux --cpu=${NPM_CPU[architecture]} sharp\`.`,
        detail: family,
      });
    }
  },
};
