import type { Rule } from '../src/engine/rule.js';
import type { RuntimeFamily } from '../src/runtimes/runtime.js';

/** Where each runtime looks in /opt for its language's code, and the files that belong there. */
const LAYER_FOLDERS: Partial<Record<RuntimeFamily, { folder: string; files: RegExp; example: string }>> = {
  nodejs: { folder: 'nodejs/', files: /(^|\/)node_modules\/|\.(m?js|cjs)$/, example: 'nodejs/node_modules/<package>' },
  python: { folder: 'python/', files: /\.(py|pyc)$|\.so$|\.dist-info\//, example: 'python/<package> or python/lib/python3.X/site-packages/<package>' },
  ruby: { folder: 'ruby/', files: /\.rb$|\.gemspec$/, example: 'ruby/gems/<ABI>/gems/<gem> or ruby/lib' },
  java: { folder: 'java/', files: /\.(jar|class)$/, example: 'java/lib/<name>.jar' },
};

export const rule: Rule = {
  code: 'LL1018',
  name: 'layer-layout',
  defaultLevel: 'error',
  summary: "A layer's language files are not under the folder the runtime searches (python/, nodejs/node_modules/, ruby/, java/lib/).",
  fact: 'Layers extract into /opt; the runtimes search only their own folders there: /opt/python and /opt/python/lib/pythonX.Y/site-packages, /opt/nodejs/node_modules and /opt/nodejs/nodeXX/node_modules, /opt/ruby/gems and /opt/ruby/lib, /opt/java/lib. Code anywhere else in /opt is never found.',
  lambdaError: "Runtime.ImportModuleError: No module named 'requests' / Cannot find module 'x'",
  check({ model, report }) {
    const layout = LAYER_FOLDERS[model.settings.runtime.family];
    if (model.settings.kind !== 'layer' || layout === undefined) {
      return;
    }

    const misplaced = model.parts[0].entries.filter(
      (analyzed) =>
        analyzed.entry.type === 'file' &&
        analyzed.path !== null &&
        !analyzed.entry.path.startsWith(layout.folder) &&
        layout.files.test(analyzed.entry.path),
    );
    if (misplaced.length === 0) {
      return;
    }

    const examples = misplaced
      .slice(0, 3)
      .map((analyzed) => analyzed.entry.name)
      .join(', ');
    report({
      entry: misplaced[0],
      message:
        `${misplaced.length} ${model.settings.runtime.family} file(s) of this layer are outside ${layout.folder} (${examples}): ` +
        `they land in /opt/${misplaced[0].entry.path.split('/')[0]}, where ${model.settings.runtime.id} does not look, so the layer adds nothing to the function.`,
      fix: `Zip the layer with the files under ${layout.example}, e.g. \`mkdir -p ${layout.folder} && mv <files> ${layout.folder}\` before zipping.`,
      detail: layout.folder,
    });
  },
};
