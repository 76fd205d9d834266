import type { Rule } from '../src/engine/rule.js';

export const rule: Rule = {
  code: 'LL0001',
  name: 'corrupt-zip',
  defaultLevel: 'error',
  summary:
    'The zip cannot be read: no end of central directory record, a damaged central directory, or entries whose data overlap.',
  fact: 'Lambda unzips the package when the function is created or updated; a zip whose central directory is missing or damaged cannot be unzipped.',
  lambdaError: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
  checksDamagedArchive: true,
  check({ model, report }) {
    if (model.archiveError !== null) {
      report({
        message:
          `${model.location} is a damaged zip (${model.archiveError}). ` +
          'Lambda rejects the upload: "Could not unzip uploaded file".',
        fix:
          'Build the zip again and check it with `unzip -t function.zip`. A zip cut short by an interrupted ' +
          'download or copy has no end of central directory record: copy it again from its source.',
      });
    }

    for (const problem of model.archiveProblems) {
      report({
        message:
          `${model.location} is a damaged zip (${problem}). ` +
          'If Lambda\'s extractor rejects it as well, the upload fails with "Could not unzip uploaded file".',
        fix:
          'Build the zip again with a standard tool (`zip -r`, `python3 -m zipfile -c`) and check it with ' +
          '`unzip -t function.zip`, which reads every entry the way an extractor does.',
      });
    }
  },
};
