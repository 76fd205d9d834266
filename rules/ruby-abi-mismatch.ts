import type { Rule } from '../src/engine/rule.js';
import { installForLinuxFix } from './native-modules.js';
import { gemDirectories } from './ruby-gems.js';

export const rule: Rule = {
  code: 'LL5201',
  name: 'ruby-abi-mismatch',
  defaultLevel: 'error',
  summary: "Gems are vendored for another Ruby ABI (vendor/bundle/ruby/2.7.0 on ruby3.3), so Bundler does not find them.",
  fact: "Bundler and RubyGems look for vendored gems under <path>/ruby/<ABI version>/, where the ABI version is MAJOR.MINOR.0 of the running Ruby (3.3.0 on ruby3.3); gems under another version's folder are never loaded.",
  lambdaError: 'cannot load such file -- <gem> (LoadError), or Bundler::GemNotFound',
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const abi = runtime.language?.rubyAbi;
    if (runtime.family !== 'ruby' || abi === undefined) {
      return;
    }

    const directories = gemDirectories(model);
    const reported = new Set<string>();
    for (const directory of directories) {
      if (directory.abi === abi || reported.has(`${directory.base}/${directory.abi}`)) {
        continue;
      }
      reported.add(`${directory.base}/${directory.abi}`);

      const alsoRight = directories.some((other) => other.base === directory.base && other.abi === abi);
      report({
        entry: directory.sample,
        severity: alsoRight ? 'warning' : undefined,
        message:
          `${directory.base}/${directory.abi}/ holds gems for Ruby ABI ${directory.abi}, but ${runtime.id} looks in ` +
          `${directory.base}/${abi}/` +
          (alsoRight
            ? ': these gems are never loaded and only add to the package size.'
            : ', so requiring them fails with "cannot load such file" (LoadError) or Bundler::GemNotFound.'),
        fix: `Run \`bundle install\` with Ruby ${runtime.language?.version ?? ''} (the runtime's image) so the gems land in ${directory.base}/${abi}/. ${installForLinuxFix(model)}`,
        detail: directory.abi,
      });
    }
  },
};
