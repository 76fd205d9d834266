import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { discoverBuildOutputs } from '../src/discover-build-output.js';
import { fixtureZip, runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-discover-'));
const AARCH64_BOOTSTRAP = resolve('fixtures/bin/hello-glibc234-aarch64');

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Creates a fresh project folder under the scratch folder. */
function project(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  return folder;
}

/** Lays out target/lambda/<name>/bootstrap as `cargo lambda build` writes it. */
function cargoLambdaBinary(folder: string, name: string, source: string): void {
  const functionFolder = join(folder, 'target', 'lambda', name);
  mkdirSync(functionFolder, { recursive: true });
  copyFileSync(source, join(functionFolder, 'bootstrap'));
  chmodSync(join(functionFolder, 'bootstrap'), 0o755);
}

/** Lays out target/lambda/<name>/bootstrap.zip as `cargo lambda build --output-format zip` writes it. */
function cargoLambdaZip(folder: string, name: string, source: string): void {
  const functionFolder = join(folder, 'target', 'lambda', name);
  mkdirSync(functionFolder, { recursive: true });
  copyFileSync(source, join(functionFolder, 'bootstrap.zip'));
}

interface JsonReport {
  artifacts: Array<{ path: string; function: { logicalId: string } | null; architecture: string; findings: Array<{ ruleName: string }> }>;
  skippedFunctions: unknown[];
}

describe('build output discovery', () => {
  it('lints cargo-lambda folders and zips when no path is given', () => {
    const folder = project('cargo');
    cargoLambdaBinary(folder, 'orders', AARCH64_BOOTSTRAP);
    cargoLambdaZip(folder, 'billing', resolve(fixtureZip('pass-rust-cargo-lambda-style-al2023')));

    const result = runCli([...TODAY, '--format', 'json'], {}, folder);
    expect(result.stderr.split('\n')).toEqual([
      'lambda-lint: no path given; linting the build output found here:',
      'lambda-lint:   target/lambda/billing/bootstrap.zip  (cargo lambda build)',
      'lambda-lint:   target/lambda/orders  (cargo lambda build)',
      '',
    ]);

    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.artifacts.map((artifact) => artifact.path)).toEqual(['target/lambda/billing/bootstrap.zip', 'target/lambda/orders']);
    // No settings come with cargo-lambda output, so the aarch64 build fails on the default x86_64.
    expect(report.artifacts[1].findings.map((finding) => finding.ruleName)).toContain('elf-wrong-machine');
    expect(result.status).toBe(1);
  });

  it('takes only the zip when a folder has bootstrap and bootstrap.zip', async () => {
    const folder = project('both');
    cargoLambdaBinary(folder, 'orders', AARCH64_BOOTSTRAP);
    cargoLambdaZip(folder, 'orders', resolve('fixtures/templates/sam/target/lambda/orders/bootstrap.zip'));

    const found = await discoverBuildOutputs(folder);
    expect(found.map((output) => output.path)).toEqual(['target/lambda/orders/bootstrap.zip']);
  });

  it('ignores folders under target/lambda without bootstrap', async () => {
    const folder = project('extensions');
    mkdirSync(join(folder, 'target', 'lambda', 'extensions'), { recursive: true });
    writeFileSync(join(folder, 'target', 'lambda', 'extensions', 'telemetry'), 'not a function');

    expect(await discoverBuildOutputs(folder)).toEqual([]);
  });

  it('lints the functions of .aws-sam/build/template.yaml', () => {
    const folder = project('sam');
    const build = join(folder, '.aws-sam', 'build');
    mkdirSync(join(build, 'OrdersFunction'), { recursive: true });
    copyFileSync(AARCH64_BOOTSTRAP, join(build, 'OrdersFunction', 'bootstrap'));
    chmodSync(join(build, 'OrdersFunction', 'bootstrap'), 0o755);
    cpSync('fixtures/templates/sam/node-function', join(build, 'NodeFunction'), { recursive: true });
    cpSync('fixtures/templates/sam/node-layer', join(build, 'FormatLayer'), { recursive: true });
    // sam build keeps Metadata.BuildMethod in the template it writes, with CodeUri pointing at the built folder.
    writeFileSync(
      join(build, 'template.yaml'),
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  OrdersFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: OrdersFunction',
        '      Handler: bootstrap',
        '      Runtime: provided.al2023',
        '      Architectures: [arm64]',
        '    Metadata:',
        '      BuildMethod: rust-cargolambda',
        '      SamResourceId: OrdersFunction',
        '  NodeFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: NodeFunction',
        '      Handler: index.handler',
        '      Runtime: nodejs22.x',
        '      Architectures: [arm64]',
        '      Layers: [!Ref FormatLayer]',
        '  FormatLayer:',
        '    Type: AWS::Serverless::LayerVersion',
        '    Properties:',
        '      ContentUri: FormatLayer',
        '    Metadata:',
        '      BuildMethod: nodejs22.x',
        '',
      ].join('\n'),
    );

    const result = runCli([...TODAY, '--format', 'json'], {}, folder);
    expect(result.stderr).toContain('lambda-lint:   .aws-sam/build/template.yaml  (sam build)');
    expect(result.status).toBe(0);

    const report = JSON.parse(result.stdout) as JsonReport & { artifacts: Array<{ layers: string[] }> };
    expect(report.skippedFunctions).toEqual([]);
    expect(report.artifacts.map((artifact) => [artifact.function?.logicalId, artifact.path, artifact.architecture])).toEqual([
      ['OrdersFunction', '.aws-sam/build/OrdersFunction', 'arm64'],
      ['NodeFunction', '.aws-sam/build/NodeFunction', 'arm64'],
    ]);
    expect(report.artifacts[1].layers).toEqual(['.aws-sam/build/FormatLayer']);
  });

  it('exits 2 with a hint when nothing is found', () => {
    const folder = project('empty');
    const result = runCli([...TODAY], {}, folder);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'lambda-lint: no path given, and no build output found here (target/lambda/*/bootstrap, target/lambda/*/bootstrap.zip, .aws-sam/build/template.yaml)',
    );
    expect(lines[1]).toContain('lambda-lint --template template.yaml');
  });

  it('leaves --print-config without paths as it was', () => {
    const folder = project('print-config');
    cargoLambdaBinary(folder, 'orders', AARCH64_BOOTSTRAP);
    const result = runCli(['--print-config'], {}, folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed.effective).toBeUndefined();
    expect(printed.rules).toEqual({});
  });
});
