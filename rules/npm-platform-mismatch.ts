import type { Rule } from '../src/engine/rule.js';
import { NPM_CPU, installForLinuxFix, npmPackages, unusedPlatformCopies } from './native-modules.js';

export const rule: Rule = {
  code: 'LL5102',
  name: 'npm-platform-mismatch',
  defaultLevel: 'error',
  summary: 'An npm package in node_modules declares (package.json "os", "cpu" or "libc") that it does not run on Linux, this CPU or glibc.',
  fact: 'npm installs platform packages only where their package.json "os", "cpu" and "libc" fields allow; a package installed on a Mac for darwin-arm64 is the wrong build on Lambda, which is Linux with glibc on x64 or arm64.',
  lambdaError: "ERR_DLOPEN_FAILED: invalid ELF header, or Error: Cannot find module '@scope/pkg-linux-x64-gnu'",
  check({ model, report }) {
    const architecture = model.settings.architecture;
    const facts: Array<[string, string]> = [
      ['os', 'linux'],
      ['cpu', NPM_CPU[architecture]],
      ['libc', 'glibc'],
    ];

    const unused = unusedPlatformCopies(model);
    for (const npmPackage of npmPackages(model)) {
      if (unused.has(npmPackage.manifestEntry)) {
        continue;
      }
      const excluded = facts.filter(([field, value]) => !allows(npmPackage.manifest[field as 'os' | 'cpu' | 'libc'], value));
      if (excluded.length === 0) {
        continue;
      }

      const fields = excluded.map(([field]) => `"${field}": ${JSON.stringify(npmPackage.manifest[field as 'os'])}`).join(', ');
      const values = excluded.map(([field, value]) => `${field} ${value}`).join(', ');
      report({
        entry: npmPackage.manifestEntry,
        message:
          `${npmPackage.name} declares ${fields} in its package.json, so it is not built for Lambda (${values}): it was installed ` +
          'on another platform, and the module it provides fails to load.',
        fix: installForLinuxFix(model),
        detail: npmPackage.name,
      });
    }
  },
};

/** npm's rule: a list of allowed values, or values prefixed with `!` to exclude. No list allows everything. */
function allows(field: unknown, value: string): boolean {
  if (!Array.isArray(field) || field.length === 0) {
    return true;
  }
  const entries = field.filter((item): item is string => typeof item === 'string');
  if (entries.includes(`!${value}`)) {
    return false;
  }
  const allowed = entries.filter((item) => !item.startsWith('!'));
  return allowed.length === 0 || allowed.includes(value);
}
