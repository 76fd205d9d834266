import type { Rule } from '../src/engine/rule.js';
import { TRIPLE_CPU, installForLinuxFix } from './native-modules.js';
import { allEntries } from './support.js';

/** `name.cpython-311-x86_64-linux-gnu.so`, `name.cpython-312-darwin.so`, `name.cpython-313t-...`. */
const CPYTHON_TAG = /\.cpython-(\d)(\d+)(t?)(?:-([a-z0-9_]+(?:-[a-z0-9_]+)*))?\.so$/i;

export const rule: Rule = {
  code: 'LL5001',
  name: 'python-extension-mismatch',
  defaultLevel: 'error',
  summary: "A CPython extension's file name is tagged for another Python version, OS, CPU or libc than the function's runtime.",
  fact: 'CPython imports an extension module only when its tag matches the interpreter: python3.12 loads `.cpython-312-<arch>-linux-gnu.so` or `.abi3.so`, and ignores a `.cpython-311-...so` file as if it were absent.',
  lambdaError: "Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named '_speedups'",
  check({ model, report }) {
    const runtime = model.settings.runtime;
    if (runtime.family !== 'python' || runtime.language?.pythonTag === undefined) {
      return;
    }
    const runtimeVersion = runtime.language.pythonTag.slice(2);
    const cpus = TRIPLE_CPU[model.settings.architecture];

    for (const analyzed of allEntries(model)) {
      const match = CPYTHON_TAG.exec(analyzed.entry.path);
      if (match === null) {
        continue;
      }

      const version = `${match[1]}${match[2]}`;
      const freeThreaded = match[3] === 't';
      const platform = match[4] ?? '';
      // The dotted module path as Python imports it, relative to /var/task or a python/ layer folder.
      const module = analyzed.entry.path
        .replace(/^python\/(lib\/python\d+\.\d+\/site-packages\/)?/, '')
        .split('.')[0]
        .replaceAll('/', '.');
      const problems: string[] = [];

      if (version !== runtimeVersion || freeThreaded) {
        problems.push(`it is built for CPython ${match[1]}.${match[2]}${freeThreaded ? ' (free-threaded)' : ''}, and ${runtime.id} runs CPython ${runtime.language.version}`);
      }
      if (platform !== '') {
        const [cpu, ...rest] = platform.split('-');
        const system = rest.join('-');
        if (system === '' || system.startsWith('darwin') || cpu === 'darwin') {
          problems.push('it is built for macOS');
        } else if (system.includes('musl')) {
          problems.push('it is built for musl libc (Alpine), and Lambda has glibc');
        } else if (!cpus.includes(cpu)) {
          problems.push(`it is built for ${cpu}, and the function runs on ${model.settings.architecture}`);
        }
      }
      if (problems.length === 0) {
        continue;
      }

      // CPython skips the mismatched extension and imports a same-named .py beside it (charset_normalizer
      // ships md.py next to md.cpython-*.so), so the package still works, only slower.
      const stem = analyzed.entry.path.slice(0, analyzed.entry.path.lastIndexOf('/') + 1) + analyzed.entry.path.slice(analyzed.entry.path.lastIndexOf('/') + 1).split('.')[0];
      const fallback = allEntries(model).some((other) => other.entry.path === `${stem}.py`);
      if (fallback) {
        report({
          entry: analyzed,
          severity: 'warning',
          message:
            `${analyzed.entry.name}: ${problems.join('; ')}. CPython skips it and imports ${stem.slice(stem.lastIndexOf('/') + 1)}.py ` +
            'beside it instead, so the package works without its compiled speedup.',
          fix: `${installForLinuxFix(model)} Extensions built for the stable ABI (\`.abi3.so\`) load on every later CPython.`,
          detail: `cpython-${version}${freeThreaded ? 't' : ''}-${platform}`,
        });
        continue;
      }

      report({
        entry: analyzed,
        message:
          `${analyzed.entry.name}: ${problems.join('; ')}. CPython skips extensions with another tag, so importing ` +
          `${module} fails with Runtime.ImportModuleError ("No module named '${module}'", or "cannot import name" for a from-import).`,
        fix:
          `${installForLinuxFix(model)} Extensions built for the stable ABI (\`.abi3.so\`) load on every later CPython.`,
        detail: `cpython-${version}${freeThreaded ? 't' : ''}-${platform}`,
      });
    }
  },
};
