// Loaded with `node --require` into the CLI under test. Any attempt to start a child process ends
// the run with exit status 99 and a marker on stderr. When LAMBDA_LINT_TEST_USAGE_FILE is set, the
// guard writes process.resourceUsage() there at exit, so a test can check peak memory (maxRSS, KiB).
'use strict';

const childProcess = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const SPAWN_EXIT_STATUS = 99;

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    process.stderr.write(`process guard: child_process.${name} was called\n`);
    process.exit(SPAWN_EXIT_STATUS);
  };
}
// ESM imports of node:child_process see the replaced functions only after this call.
syncBuiltinESMExports();

const usageFile = process.env.LAMBDA_LINT_TEST_USAGE_FILE;
if (usageFile !== undefined && usageFile !== '') {
  process.on('exit', () => {
    writeFileSync(usageFile, JSON.stringify(process.resourceUsage()));
  });
}
