import type { Rule } from '../src/engine/rule.js';
import { foreignBinaryDescription, toolchainNames } from './support.js';

/** e_type of a relocatable object (.o), which the kernel cannot execute. */
const ET_REL = 1;

export const rule: Rule = {
  code: 'LL2001',
  name: 'bootstrap-not-linux-executable',
  defaultLevel: 'error',
  summary: 'bootstrap is not a Linux executable: a Mach-O or PE file, an object file, an empty file, or text without a #! line.',
  fact: 'Lambda starts bootstrap with execve on Linux; the kernel runs only ELF executables and files that begin with a #! line.',
  lambdaError: 'fork/exec /var/task/bootstrap: exec format error (Runtime.InvalidEntrypoint)',
  check({ model, report }) {
    const analyzed = model.entrypoint.entry;
    const path = model.entrypoint.path;
    if (model.entrypoint.kind !== 'executable' || analyzed === null || path === null || analyzed.content === undefined) {
      return;
    }

    const content = analyzed.content;
    const error = `"fork/exec ${path}: exec format error" (Runtime.InvalidEntrypoint)`;
    const names = toolchainNames(model.settings.architecture);
    const buildForLinux =
      `Build for Linux: \`cargo lambda build --release\` (it cross-compiles from macOS and Windows through Zig), or ` +
      `\`cargo zigbuild --release --target ${names.musl}\` (plain \`cargo build\` for a Linux target needs a Linux linker); for Go, ` +
      `\`GOOS=linux GOARCH=${names.goarch} CGO_ENABLED=0 go build -o bootstrap\`; then zip the Linux binary.`;

    const foreign = foreignBinaryDescription(analyzed);
    if (foreign !== null) {
      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is ${foreign}. Linux cannot execute it, so Lambda fails with ${error}.`,
        fix: buildForLinux,
        detail: content.format,
      });
      return;
    }

    if (content.format === 'empty') {
      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is empty, so the kernel cannot execute it: ${error}.`,
        fix: 'Check the build step that writes bootstrap; zip the built executable, not a placeholder.',
        detail: 'empty',
      });
      return;
    }

    if (content.format === 'other') {
      const description = content.text === true ? 'a text file without a #! line' : 'neither an ELF executable nor a script';
      const fix =
        content.text === true
          ? 'Make the first line name the interpreter, e.g. `#!/bin/sh` or `#!/bin/bash`, saved with LF line endings.'
          : buildForLinux;
      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is ${description}, so the kernel rejects it and Lambda fails with ${error}.`,
        fix,
        detail: content.text === true ? 'no-shebang' : 'unknown-format',
      });
      return;
    }

    if (content.format === 'elf' && analyzed.elf !== undefined && analyzed.elf.type === ET_REL) {
      report({
        entry: analyzed,
        message: `${analyzed.entry.name} is an ELF relocatable object (.o), not a linked executable: ${error}.`,
        fix: 'Zip the linked program, not an object file: check the output path of the build (`cargo lambda build` writes target/lambda/<function>/bootstrap).',
        detail: 'relocatable',
      });
    }
  },
};
