/**
 * Benchmarks lambda-lint against standard tools on the same machine, in the same run, and writes
 * docs/benchmarks.md. Workloads are built on first use under .bench/ (git-ignored):
 * - W1: this machine's node executable as a deflated bootstrap; baseline `unzip -p W1 bootstrap`.
 * - W2: a Node.js package of about 30,000 files and 230 MB from npm (one native module); baseline `unzip -tq`.
 * - W3: a small cargo-lambda-style zip (one stripped bootstrap); baseline `node -e 0`.
 * Each command runs several times; the table shows medians, ratios and peak RSS from /usr/bin/time.
 *
 * Usage: npm run bench [-- --runs N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

interface Measurement {
  seconds: number;
  peakKilobytes: number | null;
}

const root = packageRoot();
const workDirectory = join(root, '.bench');
const cli = join(root, 'dist', 'bin', 'lambda-lint.js');
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command once; wall time from the clock, peak RSS from /usr/bin/time when it exists. */
function measure(command: string[], cwd: string): Measurement {
  const started = process.hrtime.bigint();
  const args = timeTool === null ? command : ['-f', '%M', ...command];
  const result = spawnSync(timeTool ?? command[0], timeTool === null ? command.slice(1) : args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = (result.stderr ?? '').trim().split('\n');
  const peak = timeTool === null ? null : Number(lines[lines.length - 1]);
  return { seconds, peakKilobytes: peak !== null && Number.isFinite(peak) ? peak : null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function buildW1(): string {
  const folder = join(workDirectory, 'w1');
  const zip = join(folder, 'w1.zip');
  if (!existsSync(zip)) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(process.execPath, join(folder, 'bootstrap'));
    execFileSync('chmod', ['755', join(folder, 'bootstrap')]);
    execFileSync('zip', ['-q', '-X', 'w1.zip', 'bootstrap'], { cwd: folder });
    rmSync(join(folder, 'bootstrap'));
  }
  return zip;
}

/**
 * Packages for W2: widely used large packages that together hold about 30,000 files and about
 * 230 MB, close to Lambda's 250 MB unzipped limit, with one native addon (rollup's).
 */
const W2_PACKAGES = [
  'aws-sdk@2',
  'typescript@5',
  'date-fns@3',
  'rxjs@7',
  'lodash@4',
  '@mui/material@6',
  'core-js@3',
  'lucide-react@0',
  '@faker-js/faker@9',
  '@fortawesome/free-solid-svg-icons@6',
  'ramda@0',
  '@rollup/rollup-linux-x64-gnu@4',
];

function buildW2(): string {
  const folder = join(workDirectory, 'w2');
  const zip = join(folder, 'w2.zip');
  const recipe = join(folder, 'packages.txt');
  // A zip built from another package list is rebuilt.
  const built = existsSync(recipe) ? readFileSync(recipe, 'utf8') : '';
  if (!existsSync(zip) || built !== W2_PACKAGES.join('\n')) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{ "name": "w2", "version": "1.0.0", "private": true }\n');
    writeFileSync(join(folder, 'index.mjs'), 'export const handler = async () => ({ ok: true });\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...W2_PACKAGES], { cwd: folder, stdio: 'ignore' });
    execFileSync('zip', ['-q', '-r', '-X', 'w2.zip', 'index.mjs', 'package.json', 'node_modules'], { cwd: folder });
    writeFileSync(recipe, W2_PACKAGES.join('\n'));
  }
  return zip;
}

function buildW3(): string {
  const folder = join(workDirectory, 'w3');
  const zip = join(folder, 'w3.zip');
  if (!existsSync(zip)) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(root, 'fixtures', 'cases', 'pass-rust-cargo-lambda-style-al2023', 'function.zip'), zip);
  }
  return zip;
}

interface Workload {
  name: string;
  goal: string;
  goalRatio: number;
  /** Peak RSS goal in MB, or null when the workload has none. */
  goalMegabytes: number | null;
  baseline: string[];
  subject: string[];
  cwd: string;
}

/** Total uncompressed size of a zip in MB, from the last line of `unzip -l`. */
function unzippedMegabytes(zip: string): string {
  const listing = execFileSync('unzip', ['-l', zip], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n');
  const total = Number(listing[listing.length - 1].trim().split(/\s+/)[0]);
  return (total / 1e6).toFixed(0);
}

function main(): void {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex === -1 ? 5 : Number(process.argv[runsIndex + 1]);
  mkdirSync(workDirectory, { recursive: true });

  const w1 = buildW1();
  const w2 = buildW2();
  const w3 = buildW3();
  const entriesW2 = execFileSync('zipinfo', ['-1', w2], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n').length;

  const workloads: Workload[] = [
    { name: `W1 node executable (${(readFileSync(w1).length / 1e6).toFixed(0)} MB zip)`, goal: '≤ 0.45, RSS ≤ 160 MB', goalRatio: 0.45, goalMegabytes: 160, baseline: ['sh', '-c', `unzip -p ${w1} bootstrap > /dev/null`], subject: ['node', cli, '--runtime', 'provided.al2023', w1], cwd: root },
    { name: `W2 node_modules (${entriesW2} entries, ${unzippedMegabytes(w2)} MB unzipped)`, goal: '≤ 0.25, RSS ≤ 160 MB', goalRatio: 0.25, goalMegabytes: 160, baseline: ['unzip', '-tq', w2], subject: ['node', cli, '--runtime', 'nodejs22.x', w2], cwd: root },
    { name: 'W3 small bootstrap zip', goal: '≤ 2.5', goalRatio: 2.5, goalMegabytes: null, baseline: ['node', '-e', '0'], subject: ['node', cli, w3], cwd: root },
  ];

  const floors = join(root, 'dist', 'test', 'bench', 'floors.js');
  const floorCommands = new Map<string, string[]>([
    [workloads[0].name, ['node', floors, 'inflate', w1]],
    [workloads[1].name, ['node', floors, 'list', w2]],
    [workloads[2].name, ['node', '-e', '0']],
  ]);

  const rows: string[] = [];
  for (const workload of workloads) {
    const baseline: Measurement[] = [];
    const subject: Measurement[] = [];
    for (let run = 0; run < runs; run += 1) {
      baseline.push(measure(workload.baseline, workload.cwd));
      subject.push(measure(workload.subject, workload.cwd));
    }
    const floorCommand = floorCommands.get(workload.name) ?? ['node', '-e', '0'];
    const floor: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      floor.push(measure(floorCommand, workload.cwd).seconds);
    }
    const floorRatio = median(floor) / median(baseline.map((sample) => sample.seconds));

    const baselineSeconds = median(baseline.map((sample) => sample.seconds));
    const subjectSeconds = median(subject.map((sample) => sample.seconds));
    const peaks = subject.map((sample) => sample.peakKilobytes).filter((peak): peak is number => peak !== null);
    const peakMegabytes = peaks.length > 0 ? Math.max(...peaks) / 1024 : null;
    const peak = peakMegabytes === null ? 'n/a' : `${peakMegabytes.toFixed(0)} MB`;
    const ratio = subjectSeconds / baselineSeconds;
    const memoryMet = workload.goalMegabytes === null || (peakMegabytes !== null && peakMegabytes <= workload.goalMegabytes);
    const met = ratio <= workload.goalRatio && memoryMet;
    rows.push(
      `| ${workload.name} | \`${workload.baseline.join(' ').replace(root, '.')}\` | ${baselineSeconds.toFixed(3)} s | ${subjectSeconds.toFixed(3)} s | ${ratio.toFixed(2)} | ${floorRatio.toFixed(2)} | ${peak} | ${workload.goal} | ${met ? 'met' : 'not met'} |`,
    );
  }

  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const report = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/bench.ts). Each command ran ' + `${runs} times, alternating with its baseline; times are medians of wall-clock seconds, the ratio is lambda-lint's median over the baseline's, and RSS is the highest peak resident set size of lambda-lint's runs (\`/usr/bin/time -f %M\`). Machines here are shared and noisy: compare ratios, not seconds.`,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}, lambda-lint ${version}.`,
    '',
    '| workload | baseline | baseline median | lambda-lint median | ratio | floor ratio | lambda-lint peak RSS | goal (ratio) | status |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'lambda-lint commands: `node dist/bin/lambda-lint.js --runtime provided.al2023 W1.zip`, `... --runtime nodejs22.x W2.zip`, `... W3.zip`.',
    `W2 is \`npm install ${W2_PACKAGES.join(' ')}\` with a one-line handler, zipped with \`zip -r -X\`.`,
    '',
    'The floor ratio is a Node.js process that does only the work lambda-lint cannot avoid, over the same baseline. For W1,',
    '`node dist/test/bench/floors.js inflate W1.zip` inflates the bootstrap with zlib in 1 MiB chunks up to the end of',
    '`PT_DYNAMIC`, which in `node` lies at 87% of the file: deflate can only be read from its start, and `DT_NEEDED` lives there.',
    'For W2, `node dist/test/bench/floors.js list W2.zip` opens the zip as lambda-lint does and reads the central directory with',
    'yauzl, but no entry. For W3 it is `node -e 0` itself. A goal below the floor ratio cannot be met by changing how',
    'lambda-lint reads on this machine.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'docs', 'benchmarks.md'), report);
  process.stdout.write(`${report}\n`);
}

main();
