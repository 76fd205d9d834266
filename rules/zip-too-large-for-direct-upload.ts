import type { Rule } from '../src/engine/rule.js';

/** Largest zip the Lambda API takes inline (50 MiB); larger ones must be uploaded to S3 first. */
export const DIRECT_UPLOAD_LIMIT_BYTES = 52_428_800;

export const rule: Rule = {
  code: 'LL1014',
  name: 'zip-too-large-for-direct-upload',
  defaultLevel: 'warning',
  summary: 'The zip is over 50 MiB, too large to upload directly; deploy it through S3.',
  fact: 'CreateFunction and UpdateFunctionCode accept a .zip of up to 50 MiB inline; larger packages must be uploaded to S3 and passed by bucket and key.',
  lambdaError: 'RequestEntityTooLargeException',
  check({ model, report }) {
    const part = model.parts[0];
    if (part.archiveSize === null || part.archiveSize <= DIRECT_UPLOAD_LIMIT_BYTES) {
      return;
    }

    report({
      message:
        `${part.location} is ${part.archiveSize.toLocaleString('en-US')} bytes, over the 52,428,800-byte (50 MiB) limit for ` +
        'direct upload: `aws lambda update-function-code --zip-file` fails with RequestEntityTooLargeException. ' +
        'Deploying it from S3 works.',
      fix:
        'Upload the zip to S3 and deploy with `--s3-bucket` and `--s3-key` (SAM, CDK and the Serverless Framework ' +
        'do this for you), or make the package smaller.',
      detail: 'zip-size',
    });
  },
};
