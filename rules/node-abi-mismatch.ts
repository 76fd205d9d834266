import type { Rule } from '../src/engine/rule.js';
import { installForLinuxFix } from './native-modules.js';
import { allEntries } from './support.js';

export const rule: Rule = {
  code: 'LL5101',
  name: 'node-abi-mismatch',
  defaultLevel: 'error',
  summary: "A Node.js addon that does not use N-API was built for another NODE_MODULE_VERSION than the runtime's Node.js.",
  fact: "Addons built against Node's C++ API export node_register_module_v<NODE_MODULE_VERSION> and load only in that Node.js major: 108 for Node 18, 115 for 20, 127 for 22, 137 for 24. N-API addons (napi_register_module_v1) load in every version.",
  lambdaError: 'was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 127.',
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const required = runtime.language?.nodeModuleVersion;
    if (runtime.family !== 'nodejs' || required === undefined) {
      return;
    }

    for (const analyzed of allEntries(model)) {
      const registration = analyzed.nodeRegistration;
      if (registration === undefined || registration.napi) {
        continue;
      }

      if (registration.moduleVersions.length === 0) {
        if (registration.nodeApi) {
          report({
            entry: analyzed,
            severity: 'warning',
            message:
              `${analyzed.entry.name} uses Node's C++ API (registered with NODE_MODULE or nan, not N-API), so it loads only in the ` +
              `Node.js major it was built for, and its NODE_MODULE_VERSION is not readable from the file. If it was not built for ` +
              `Node.js ${runtime.language?.version ?? ''} (NODE_MODULE_VERSION ${required}), loading it fails with "was compiled against a ` +
              'different Node.js version".',
            fix: `Build it with Node.js ${runtime.language?.version ?? ''} on Linux (\`npm rebuild\`), or use a version of the package with N-API prebuilds.`,
            detail: 'unknown NODE_MODULE_VERSION',
          });
        }
        continue;
      }
      if (registration.moduleVersions.includes(required)) {
        continue;
      }

      const built = registration.moduleVersions[0];
      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name} was built for NODE_MODULE_VERSION ${built} and ${runtime.id} runs Node.js ${runtime.language?.version ?? ''} ` +
          `(NODE_MODULE_VERSION ${required}): loading it fails with "The module '${analyzed.path ?? analyzed.entry.name}' was compiled ` +
          `against a different Node.js version using NODE_MODULE_VERSION ${built}. This version of Node.js requires NODE_MODULE_VERSION ${required}."`,
        fix:
          `Rebuild the addon with Node.js ${runtime.language?.version ?? ''} (\`npm rebuild\` or \`npm ci\` under that version, on Linux), ` +
          `or use a version of the package that ships N-API prebuilds. ${installForLinuxFix(model)}`,
        detail: `NODE_MODULE_VERSION ${built}`,
      });
    }
  },
};
