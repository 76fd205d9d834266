import type { Rule } from '../src/engine/rule.js';
import type { RuntimeFamily } from '../src/runtimes/runtime.js';

/** Folder each runtime searches in /opt for its language's code, and the files that belong there. */
const LAYER_FOLDERS: Partial<Record<RuntimeFamily, { folder: string; files: RegExp; example: string }>> = {
  nodejs: { folder: 'nodejs/', files: /(^|\/)node_modules\/|\.(m?js|cjs)$/, example: 'nodejs/node_modules/<package>' },
  python: {
    folder: 'python/',
    files: /\.(py|pyc)$|\.(cpython-[^.]+|abi3)\.so$|\.dist-info\//,
    example: 'python/<package> or python/lib/python3.X/site-packages/<package>',
  },
  ruby: { folder: 'ruby/', files: /\.rb$|\.gemspec$/, example: 'ruby/gems/<ABI>/gems/<gem> or ruby/lib' },
  java: { folder: 'java/', files: /\.(jar|class)$/, example: 'java/lib/<name>.jar' },
};

export const rule: Rule = {
  code: 'LL1018',
  name: 'layer-layout',
  defaultLevel: 'error',
  summary: "A layer's language files are not under the folder the runtime searches (python/, nodejs/node_modules/, ruby/, java/lib/), or are under another Python version's site-packages.",
  fact: 'Layers extract into /opt; the runtimes search only their own folders there: /opt/python and /opt/python/lib/pythonX.Y/site-packages, /opt/nodejs/node_modules and /opt/nodejs/nodeXX/node_modules, /opt/ruby/gems and /opt/ruby/lib, /opt/java/lib. Code anywhere else in /opt is never found.',
  lambdaError: "Runtime.ImportModuleError: No module named 'requests' / Cannot find module 'x'",
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const layout = LAYER_FOLDERS[runtime.family];
    if (layout === undefined) {
      return;
    }

    for (const part of model.parts.filter((candidate) => candidate.role === 'layer')) {
      const outside = part.entries.filter(
        (analyzed) =>
          analyzed.entry.type === 'file' &&
          analyzed.path !== null &&
          !analyzed.entry.path.startsWith(layout.folder) &&
          layout.files.test(analyzed.entry.path),
      );
      if (outside.length > 0) {
        const examples = outside
          .slice(0, 3)
          .map((analyzed) => analyzed.entry.name)
          .join(', ');
        report({
          entry: outside[0],
          message:
            `${outside.length} ${runtime.family} file(s) of the layer ${part.location} are outside ${layout.folder} (${examples}): ` +
            `they land in /opt/${outside[0].entry.path.split('/')[0]}, where ${runtime.id} does not look, so the function cannot import them.`,
          fix: `Zip the layer with the files under ${layout.example}, e.g. \`mkdir -p ${layout.folder} && mv <files> ${layout.folder}\` before zipping.`,
          detail: layout.folder,
        });
      }

      const version = runtime.language?.version;
      if (runtime.family !== 'python' || version === undefined) {
        continue;
      }
      const otherVersion = part.entries.find((analyzed) => {
        const match = /^python\/lib\/python(\d+\.\d+)\/site-packages\/./.exec(analyzed.entry.path);
        return match !== null && match[1] !== version;
      });
      if (otherVersion !== undefined) {
        const folder = otherVersion.entry.path.split('/').slice(0, 4).join('/');
        report({
          entry: otherVersion,
          message:
            `The layer ${part.location} installs packages under ${folder}/, but ${runtime.id} adds only /opt/python and ` +
            `/opt/python/lib/python${version}/site-packages to sys.path, so imports from it fail with "No module named ...".`,
          fix: `Build the layer for Python ${version}: \`pip install --target python/lib/python${version}/site-packages ...\` (or plain \`--target python\`).`,
          detail: folder,
        });
      }
    }
  },
};
