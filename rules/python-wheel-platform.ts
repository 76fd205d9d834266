import type { ArtifactModel } from '../src/analysis/model.js';
import type { Rule } from '../src/engine/rule.js';
import { compareVersionNumbers, parseVersionNumbers } from '../src/runtimes/versions.js';
import { TRIPLE_CPU, installForLinuxFix } from './native-modules.js';
import { allEntries } from './support.js';

/** glibc versions behind the legacy manylinux names (PEP 513, 571, 599). */
const LEGACY_MANYLINUX: Record<string, string> = { manylinux1: '2.5', manylinux2010: '2.12', manylinux2014: '2.17' };

export const rule: Rule = {
  code: 'LL5002',
  name: 'python-wheel-platform',
  defaultLevel: 'error',
  summary: "A wheel installed in the package (its *.dist-info/WHEEL) is tagged for another platform, CPU, glibc or Python than the runtime's.",
  fact: 'A wheel works only where one of its tags matches: the CPython version (cpXY, or abi3 from that version on), and a platform of linux or manylinux for the same CPU whose glibc is not newer than the runtime\'s (2.26 on Amazon Linux 2, 2.34 on Amazon Linux 2023). musllinux, macosx and win wheels never match.',
  lambdaError: "Runtime.ImportModuleError: Unable to import module 'lambda_function': ... invalid ELF header / GLIBC_2.28 not found / No module named ...",
  check({ model, report }) {
    const runtime = model.settings.runtime;
    if (runtime.family !== 'python') {
      return;
    }

    for (const analyzed of allEntries(model)) {
      if (!/\.dist-info\/WHEEL$/.test(analyzed.entry.path) || analyzed.text === undefined) {
        continue;
      }
      const tags = [...analyzed.text.matchAll(/^Tag:\s*(\S+)\s*$/gm)].map((match) => match[1]);
      if (tags.length === 0) {
        continue;
      }

      const reasons = tags.map((tag) => tagMismatch(model, tag));
      if (reasons.some((reason) => reason === null)) {
        continue;
      }
      // A manylinux tag above the runtime's glibc is the wheel's claim; glibc-version-too-new checks what
      // the extension really needs, so this alone is a warning.
      const glibcOnly = reasons.every((reason) => reason?.includes('needs glibc') === true);
      // A wheel for another CPython version may hold pure-Python fallbacks; python-extension-mismatch
      // judges each extension file, so the tag alone is a warning.
      const pythonOnly = reasons.every((reason) => reason?.includes('is not CPython') === true);

      const distribution = analyzed.entry.path.split('/').slice(-2, -1)[0].replace(/\.dist-info$/, '');
      report({
        entry: analyzed,
        severity: glibcOnly || pythonOnly ? 'warning' : undefined,
        message:
          `${distribution} was installed from a wheel tagged ${tags.join(', ')}, which does not fit ${runtime.id} on ` +
          `${model.settings.architecture}: ${[...new Set(reasons)].join('; ')}. ` +
          (glibcOnly
            ? 'pip would not install it for this runtime; whether it loads depends on the glibc versions its extensions need.'
            : pythonOnly
              ? 'Its compiled modules do not load; python-extension-mismatch reports each one, and which have pure-Python fallbacks.'
              : 'Importing it fails with Runtime.ImportModuleError.'),
        fix: installForLinuxFix(model),
        detail: tags.join(','),
      });
    }
  },
};

/** Explains why a wheel tag does not fit the runtime; returns null when it fits. */
function tagMismatch(model: ArtifactModel, tag: string): string | null {
  const runtime = model.settings.runtime;
  const [pythonTags, abiTags, platformTags] = tag.split('-');
  if (platformTags === undefined) {
    return `unreadable tag ${tag}`;
  }

  const runtimeMinor = Number(runtime.language?.pythonTag?.slice(3) ?? '0');
  const pythonFits = pythonTags.split('.').some((python) => {
    if (python === 'py3' || python === 'py2.py3') {
      return true;
    }
    const match = /^(?:cp|py)3(\d+)$/.exec(python);
    if (match === null) {
      return false;
    }
    const minor = Number(match[1]);
    return minor === runtimeMinor || (abiTags.split('.').includes('abi3') && minor <= runtimeMinor) || (python.startsWith('py') && minor <= runtimeMinor);
  });
  if (!pythonFits) {
    return `${pythonTags} is not CPython ${runtime.language?.version ?? ''}`;
  }

  const platformReasons = platformTags.split('.').map((platform) => platformMismatch(model, platform));
  if (platformReasons.some((reason) => reason === null)) {
    return null;
  }
  return platformReasons[0];
}

function platformMismatch(model: ArtifactModel, platform: string): string | null {
  if (platform === 'any') {
    return null;
  }
  if (platform.startsWith('macosx')) {
    return `${platform} is for macOS`;
  }
  if (platform.startsWith('win')) {
    return `${platform} is for Windows`;
  }
  if (platform.startsWith('musllinux')) {
    return `${platform} is for musl libc (Alpine), and Lambda has glibc`;
  }

  const cpus = TRIPLE_CPU[model.settings.architecture];
  const linux = /^(manylinux1|manylinux2010|manylinux2014|manylinux_(\d+)_(\d+)|linux)_(.+)$/.exec(platform);
  if (linux === null) {
    return `${platform} is not a Linux platform`;
  }

  const cpu = linux[4];
  if (!cpus.includes(cpu)) {
    return `${platform} is for ${cpu}, and the function runs on ${model.settings.architecture}`;
  }

  const glibc = linux[2] !== undefined ? `${linux[2]}.${linux[3]}` : LEGACY_MANYLINUX[linux[1]];
  if (glibc !== undefined && compareVersionNumbers(parseVersionNumbers(glibc), parseVersionNumbers(model.settings.runtime.glibc)) > 0) {
    return `${platform} needs glibc ${glibc}, and ${model.settings.runtime.id} has glibc ${model.settings.runtime.glibc}`;
  }
  return null;
}
