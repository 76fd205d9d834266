import type { Rule } from '../src/engine/rule.js';
import { allEntries, foreignBinaryDescription, hostName, octalMode } from './support.js';

export const rule: Rule = {
  code: 'LL1017',
  name: 'extension-not-executable',
  defaultLevel: 'error',
  summary: 'A Lambda extension in a layer (extensions/<name>, run from /opt/extensions) is not executable by others, or is not a Linux executable.',
  fact: 'Lambda starts every file in /opt/extensions (the extensions/ folder of the layers) during init, as a user that does not own it: it needs the "others" execute bit and must be a Linux ELF for the function\'s CPU or a #! script.',
  lambdaError: 'Extension.LaunchError: fork/exec /opt/extensions/<name>: permission denied (or exec format error)',
  check({ model, report }) {
    for (const analyzed of allEntries(model)) {
      const path = analyzed.path;
      if (path !== null && analyzed.entry.type === 'file' && /^\/var\/task\/extensions\/[^/]+$/.test(path)) {
        report({
          entry: analyzed,
          severity: 'warning',
          message:
            `${analyzed.entry.name} looks like a Lambda extension, but it is in the function package (${path}). Lambda starts ` +
            'extensions only from /opt/extensions, that is from the extensions/ folder of a layer, so this one never runs.',
          fix: 'Publish the extension as a layer (a zip with extensions/<name> at its root) and attach it to the function.',
          detail: 'function-package',
        });
        continue;
      }
      if (path === null || analyzed.entry.type !== 'file' || !/^\/opt\/extensions\/[^/]+$/.test(path)) {
        continue;
      }

      const permissions = analyzed.entry.permissions;
      const foreign = foreignBinaryDescription(analyzed);
      let problem: string | null = null;
      let error = 'permission denied';
      if (permissions === null) {
        problem = `was stored by a zip tool on ${hostName(analyzed.entry.hostSystem)}, which records no Unix mode, so it is extracted without execute permission`;
      } else if ((permissions & 0o001) === 0) {
        problem = `has mode ${octalMode(permissions)}, without execute permission for others`;
      } else if (foreign !== null) {
        problem = `is ${foreign}, which Linux cannot run`;
        error = 'exec format error';
      } else if (analyzed.content?.format === 'other' || analyzed.content?.format === 'empty') {
        problem = 'is neither an ELF executable nor a #! script';
        error = 'exec format error';
      } else if (analyzed.content?.script?.crlf === true) {
        problem = `is a script whose #! line ends in CR LF, so the kernel looks for the interpreter "${analyzed.content.script.shebang}\\r"`;
        error = 'no such file or directory';
      } else if (analyzed.content?.script?.bom === true) {
        problem = 'is a script with a UTF-8 byte order mark before #!, so the kernel sees no #! line';
        error = 'exec format error';
      }
      if (problem === null) {
        continue;
      }

      report({
        entry: analyzed,
        message:
          `The extension ${analyzed.entry.name} ${problem}. Lambda starts it from ${path} at init and fails with ` +
          `Extension.LaunchError: "fork/exec ${path}: ${error}", so the function cannot start.`,
        fix:
          error === 'permission denied'
            ? `\`chmod 755 extensions/${path.slice('/opt/extensions/'.length)}\` before zipping the layer, on a system that stores Unix modes.`
            : error === 'no such file or directory' || analyzed.content?.script?.bom === true
              ? 'Save the script with LF line endings and without a byte order mark (`dos2unix`).'
              : 'Build the extension for Linux and the function\'s architecture (`cargo lambda build --extension`, `GOOS=linux go build`).',
        detail: error,
      });
    }
  },
};
