import type { Rule } from '../src/engine/rule.js';
import { TRIPLE_CPU, installForLinuxFix } from './native-modules.js';
import { gemDirectories } from './ruby-gems.js';

export const rule: Rule = {
  code: 'LL5202',
  name: 'ruby-platform-mismatch',
  defaultLevel: 'error',
  summary: 'A vendored gem is the precompiled build for another platform (x86_64-darwin, arm64-darwin, x64-mingw, *-linux-musl, the other CPU).',
  fact: 'Platform gems such as nokogiri ship native code per platform, named in the gem folder (nokogiri-1.16.0-x86_64-linux); Lambda needs the Linux glibc build for its CPU.',
  lambdaError: 'LoadError: ... invalid ELF header / incompatible architecture, or the gem is not found for the platform',
  check({ model, report }) {
    if (model.settings.runtime.family !== 'ruby') {
      return;
    }
    const cpus = TRIPLE_CPU[model.settings.architecture];

    for (const directory of gemDirectories(model)) {
      const platform = directory.platform;
      if (platform === null || directory.gem === null) {
        continue;
      }
      const [cpu, ...rest] = platform.split('-');
      const system = rest.join('-');
      let reason: string | null = null;
      if (platform === 'java') {
        reason = 'it is the JRuby build';
      } else if (!system.startsWith('linux')) {
        reason = `it is built for ${system === '' ? cpu : system}`;
      } else if (system.includes('musl')) {
        reason = 'it is built for musl libc (Alpine), and Lambda has glibc';
      } else if (!cpus.includes(cpu)) {
        reason = `it is built for ${cpu}, and the function runs on ${model.settings.architecture}`;
      }
      if (reason === null) {
        continue;
      }

      report({
        entry: directory.sample,
        message: `The gem ${directory.gem} is a platform build for ${platform}: ${reason}. Its native extension cannot load on Lambda.`,
        fix: installForLinuxFix(model),
        detail: directory.gem,
      });
    }
  },
};
