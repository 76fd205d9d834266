import type { ArtifactModel } from '../src/analysis/model.js';
import type { Rule, Severity } from '../src/engine/rule.js';
import { entrypointScript } from './script-checks.js';

export const rule: Rule = {
  code: 'LL2004',
  name: 'script-interpreter-missing',
  defaultLevel: 'error',
  summary: "A script bootstrap's #! interpreter (or the program `env` runs) does not exist in the runtime or the package.",
  fact: 'Custom runtimes contain only a minimal OS (provided.al2023: bash and curl, no python3, perl or node); a #! interpreter must exist there, or be shipped in the package or a layer.',
  lambdaError: 'fork/exec /var/task/bootstrap: no such file or directory (Runtime.InvalidEntrypoint); via env: exit status 127',
  check({ model, report }) {
    const found = entrypointScript(model);
    if (found === null || found.script.crlf) {
      return;
    }

    const { script, analyzed, path } = found;
    const runtime = model.settings.runtime;
    const usesEnv = script.interpreter === '/usr/bin/env' || script.interpreter === '/bin/env';
    const program = usesEnv ? envProgram(script.argument) : script.interpreter;
    if (program === null) {
      return;
    }

    const verdict = programVerdict(model, program, usesEnv);
    if (verdict === 'present') {
      return;
    }

    const severity: Severity = verdict === 'absent' ? 'error' : 'warning';
    const consequence = usesEnv
      ? `\`env\` cannot find "${program}" on PATH, prints "env: '${program}': No such file or directory" and exits 127 (Runtime.ExitError)`
      : `Lambda fails with "fork/exec ${path}: no such file or directory" (Runtime.InvalidEntrypoint)`;
    const knowledge =
      verdict === 'absent'
        ? `${runtime.id} has no ${program}`
        : `${program} is not known to exist in ${runtime.id} and the package does not ship it`;

    report({
      entry: analyzed,
      severity,
      unconfirmedStart: verdict !== 'absent',
      message: `${analyzed.entry.name} starts with #!${script.shebang}, but ${knowledge}: ${consequence}.`,
      fix:
        'Use `#!/bin/sh` or `#!/bin/bash`, which every custom runtime has; or ship the interpreter in the package or a ' +
        'layer and name it by its path (`#!/opt/bin/...`); or use the managed runtime for that language (python3.12, nodejs22.x).',
      detail: program,
    });
  },
};

/** Returns the program `#!/usr/bin/env [-S] NAME args` runs, or null when none is named. */
function envProgram(argument: string | null): string | null {
  if (argument === null) {
    return null;
  }
  const words = argument.split(/\s+/).filter((word) => word !== '' && !word.startsWith('-') && !word.includes('='));
  return words[0] ?? null;
}

function programVerdict(model: ArtifactModel, program: string, viaPath: boolean): 'present' | 'absent' | 'unknown' {
  const runtime = model.settings.runtime;
  const baseName = program.slice(program.lastIndexOf('/') + 1);

  if (program.startsWith('/')) {
    if (runtime.programs.present.includes(program)) {
      return 'present';
    }
    if (model.fileSystem.isInside(program)) {
      return model.fileSystem.resolve(program).status === 'found' ? 'present' : 'absent';
    }
  } else if (viaPath) {
    if (runtime.programs.present.some((present) => present.endsWith(`/${baseName}`))) {
      return 'present';
    }
    // PATH on Lambda ends with /opt/bin, where layers put programs.
    if (model.fileSystem.resolve(`/opt/bin/${baseName}`).status === 'found') {
      return 'present';
    }
  }

  if (runtime.programs.absent.includes(baseName)) {
    return 'absent';
  }
  return 'unknown';
}
