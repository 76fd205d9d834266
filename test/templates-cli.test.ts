import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';

import { fixtureZip, runCli } from './support/cli.js';

const TODAY = ['--today', '2026-12-04'];
const SAM = 'fixtures/templates/sam/template.yaml';
const CDK = 'fixtures/templates/cdk/cdk.out/OrdersStack.template.json';
const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-template-cli-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface JsonArtifact {
  path: string;
  function: { logicalId: string; template: string; notes: string[] } | null;
  runtime: string;
  architecture: string;
  layers: string[];
  inputError: string | null;
  findings: Array<{ ruleName: string; severity: string; entry: string | null }>;
}

interface JsonReport {
  artifacts: JsonArtifact[];
  skippedFunctions: Array<{ logicalId: string; template: string; reason: string }>;
}

function jsonReport(args: string[]): { status: number | null; report: JsonReport } {
  const result = runCli([...TODAY, '--format', 'json', ...args]);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}

function artifactFor(report: JsonReport, logicalId: string): JsonArtifact {
  const artifact = report.artifacts.find((candidate) => candidate.function?.logicalId === logicalId);
  if (artifact === undefined) {
    throw new Error(`no artifact for ${logicalId}`);
  }
  return artifact;
}

describe('--template with a SAM template', () => {
  it('lints each function with its own Runtime, Architectures and layers', () => {
    const { status, report } = jsonReport(['--template', SAM]);
    expect(status).toBe(0);

    const rust = artifactFor(report, 'OrdersRustFunction');
    expect(rust.runtime).toBe('provided.al2023');
    expect(rust.architecture).toBe('arm64');
    expect(rust.findings).toEqual([]);

    const node = artifactFor(report, 'OrdersNodeFunction');
    expect(node.runtime).toBe('nodejs22.x');
    expect(node.architecture).toBe('x86_64');
    expect(node.layers).toEqual(['fixtures/templates/sam/node-layer/']);
    // The same aarch64 code that is the Rust function's bootstrap is a stray helper in the x86_64 Node.js function.
    expect(node.findings.map((finding) => `${finding.ruleName} ${finding.severity} ${finding.entry}`)).toEqual(['elf-wrong-machine warning bin/thumbnail']);
  });

  it('names the logical id in the text output', () => {
    const result = runCli([...TODAY, '--no-color', '--template', SAM]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('OrdersRustFunction  fixtures/templates/sam/target/lambda/orders/bootstrap.zip  (provided.al2023, arm64)');
    expect(result.stdout).toContain('OrdersNodeFunction  fixtures/templates/sam/node-function/  (nodejs22.x, x86_64, layers: fixtures/templates/sam/node-layer/)');
    expect(result.stdout).toContain('0 errors, 1 warning in 2 artifacts');
  });

  it('names the logical id in GitHub annotations', () => {
    const result = runCli([...TODAY, '--format', 'github', '--template', SAM]);
    expect(result.stdout).toContain('title=LL3001 elf-wrong-machine (bin/thumbnail) in OrdersNodeFunction::');
  });

  it('lets --arch replace the template value', () => {
    const { status, report } = jsonReport(['--arch', 'x86_64', '--template', SAM]);
    expect(status).toBe(1);
    const rust = artifactFor(report, 'OrdersRustFunction');
    expect(rust.architecture).toBe('x86_64');
    expect(rust.findings.map((finding) => `${finding.ruleName} ${finding.severity}`)).toContain('elf-wrong-machine error');
  });

  it('validates against the JSON report schema', async () => {
    const schema = (await import('../docs/report.schema.json', { with: { type: 'json' } })).default as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    for (const template of [SAM, CDK, 'fixtures/templates/skipped/template.yaml']) {
      const { report } = jsonReport(['--template', template]);
      validate(report);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it('lints template functions and paths in one run', () => {
    const { report } = jsonReport(['--template', SAM, '--runtime', 'provided.al2023', fixtureZip('pass-rust-static-pie-al2023')]);
    expect(report.artifacts.map((artifact) => artifact.function?.logicalId ?? artifact.path)).toEqual([
      'fixtures/cases/pass-rust-static-pie-al2023/function.zip',
      'OrdersRustFunction',
      'OrdersNodeFunction',
    ]);
  });
});

describe('--template with a cdk.out template', () => {
  it('lints the staged assets with each function\'s settings', () => {
    const { status, report } = jsonReport(['--template', CDK]);
    expect(status).toBe(0);

    const rust = artifactFor(report, 'OrdersRustFunction4B5E8D10');
    expect(rust.path).toBe('fixtures/templates/cdk/cdk.out/asset.09fb54124fa469b70e4990d4c5bf8a0da7bcfcdb44025ebeab8f2bacca0d29c3');
    expect(rust.architecture).toBe('arm64');
    expect(rust.findings).toEqual([]);

    const node = artifactFor(report, 'OrdersNodeFunction9D7A2E55');
    expect(node.runtime).toBe('nodejs22.x');
    expect(node.layers).toHaveLength(1);
    expect(node.findings).toEqual([]);
  });

  it('fails the arm64 asset when --arch forces x86_64', () => {
    const { status, report } = jsonReport(['--arch', 'x86_64', '--template', CDK]);
    expect(status).toBe(1);
    expect(artifactFor(report, 'OrdersRustFunction4B5E8D10').findings.map((finding) => finding.ruleName)).toContain('elf-wrong-machine');
  });
});

describe('--template with a CloudFormation JSON template', () => {
  it('lints local Code and notes a layer that is not local', () => {
    const result = runCli([...TODAY, '--no-color', '--template', 'fixtures/templates/cloudformation/template.json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('OrdersFunction  fixtures/templates/sam/target/lambda/orders/bootstrap.zip  (provided.al2023, arm64)');
    expect(result.stdout).toContain('  note: layer arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsTypeScriptV2:20 is not a layer resource of this template');
    expect(result.stdout).toContain('Skipped functions:\n  InlineFunction (fixtures/templates/cloudformation/template.json): its code is Code.ZipFile in the template');
    expect(result.stdout).toContain('0 errors, 1 warning in 2 artifacts; 1 function skipped');
  });
});

describe('--template with Globals', () => {
  it('lints with the merged settings', () => {
    const { report } = jsonReport(['--template', 'fixtures/templates/globals/template.yaml']);

    // arm64 from Globals makes the aarch64 helper fit.
    const inheriting = artifactFor(report, 'InheritingFunction');
    expect(inheriting.architecture).toBe('arm64');
    expect(inheriting.findings).toEqual([]);

    // nodejs20.x replaces the global Runtime, so its lifecycle shows.
    const overriding = artifactFor(report, 'OverridingFunction');
    expect(overriding.runtime).toBe('nodejs20.x');
    expect(overriding.findings.map((finding) => finding.ruleName)).toEqual(['deprecated-runtime']);
    expect(overriding.layers).toHaveLength(2);

    expect(report.skippedFunctions.map((skipped) => skipped.logicalId)).toEqual(['TwoArchitecturesFunction']);
  });
});

describe('skipped functions', () => {
  it('are listed with their reasons and do not fail the run', () => {
    const result = runCli([...TODAY, '--no-color', '--template', 'fixtures/templates/skipped/template.yaml']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '  ParameterRuntimeFunction (fixtures/templates/skipped/template.yaml): Runtime is a Ref to the Parameter NodeRuntime, whose value is chosen at deployment (give it with --parameter-overrides NodeRuntime=VALUE)',
    );
    expect(result.stdout).toContain('  ImageFunction (fixtures/templates/skipped/template.yaml): PackageType is Image; lambda-lint checks zip packages');
    expect(result.stdout).toContain('9 functions skipped');
  });

  it('are linted once --runtime names the runtime', () => {
    const { report } = jsonReport(['--runtime', 'nodejs22.x', '--template', 'fixtures/templates/skipped/template.yaml']);
    expect(artifactFor(report, 'ParameterRuntimeFunction').runtime).toBe('nodejs22.x');
    expect(report.skippedFunctions.map((skipped) => skipped.logicalId)).not.toContain('ParameterRuntimeFunction');
  });

  it('are linted with the Parameter values --parameter-overrides gives', () => {
    const { report } = jsonReport(['--parameter-overrides', 'NodeRuntime=nodejs22.x', '--template', 'fixtures/templates/skipped/template.yaml']);
    expect(artifactFor(report, 'ParameterRuntimeFunction').runtime).toBe('nodejs22.x');
    expect(report.skippedFunctions.map((skipped) => skipped.logicalId)).not.toContain('ParameterRuntimeFunction');
  });

  it('do not include an unknown Runtime, which is an error of its function', () => {
    const result = runCli([...TODAY, '--template', 'fixtures/templates/retired/template.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      "lambda-lint: RetiredRuntimeFunction: Runtime nodejs12.x in fixtures/templates/retired/template.yaml is not in lambda-lint's runtime data: it is retired or misspelled (lambda-lint runtimes lists the known ones); pass --runtime to lint it as another",
    ]);
  });

  it('become SARIF notifications and GitHub notices', () => {
    const sarif = runCli([...TODAY, '--format', 'sarif', '--template', 'fixtures/templates/skipped/template.yaml']);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }> }> };
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(notifications.filter((notification) => notification.level === 'note')).toHaveLength(9);
    expect(notifications[0].message.text).toBe(
      'ParameterRuntimeFunction (fixtures/templates/skipped/template.yaml) was skipped: Runtime is a Ref to the Parameter NodeRuntime, whose value is chosen at deployment (give it with --parameter-overrides NodeRuntime=VALUE)',
    );

    const github = runCli([...TODAY, '--format', 'github', '--template', 'fixtures/templates/skipped/template.yaml']);
    expect(github.stdout).toContain('::notice file=fixtures/templates/skipped/template.yaml,title=lambda-lint%3A skipped ImageFunction::PackageType is Image; lambda-lint checks zip packages');
  });
});

describe('--template input errors', () => {
  function expectOneLine(args: string[], pattern: RegExp): void {
    const result = runCli([...TODAY, ...args]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(result.stdout).toBe('');
  }

  it('exits 2 for a missing template', () => {
    expectOneLine(['--template', join(scratch, 'missing.yaml')], /^lambda-lint: template .*missing\.yaml: no such file$/);
  });

  it('exits 2 for a file that is neither YAML nor JSON', () => {
    const path = join(scratch, 'function.yaml');
    copyFileSync(fixtureZip('pass-rust-static-pie-al2023'), path);
    expectOneLine(['--template', path], /^lambda-lint: template .*function\.yaml is not (valid YAML|a YAML or JSON mapping)/);
  });

  it('exits 2 for invalid JSON', () => {
    const path = join(scratch, 'broken.template.json');
    writeFileSync(path, '{"Resources": {');
    expectOneLine(['--template', path], /^lambda-lint: template .*broken\.template\.json is not valid JSON: /);
  });

  it('exits 2 for a template without Resources', () => {
    const path = join(scratch, 'empty.yaml');
    writeFileSync(path, 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing here\n');
    expectOneLine(['--template', path], /^lambda-lint: template .*empty\.yaml has no Resources section/);
  });

  it('exits 2 for a template without functions', () => {
    const path = join(scratch, 'bucket.yaml');
    writeFileSync(path, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    expectOneLine(['--template', path], /declares no AWS::Serverless::Function or AWS::Lambda::Function$/);
  });

  it('exits 2 for a folder', () => {
    expectOneLine(['--template', 'fixtures/templates/cdk/cdk.out'], /is a folder; name the template file in it/);
  });

  it('exits 2 naming the function whose CodeUri does not exist', () => {
    const folder = join(scratch, 'missing-code');
    mkdirSync(folder);
    const path = join(folder, 'template.yaml');
    writeFileSync(path, 'Resources:\n  GoneFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: build/gone.zip\n      Runtime: provided.al2023\n');
    const result = runCli([...TODAY, '--template', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^lambda-lint: GoneFunction: .*gone\.zip/);
  });

  it('rejects --kind layer with --template', () => {
    expectOneLine(['--kind', 'layer', '--template', SAM], /--template lints functions; it cannot be used with --kind layer$/);
  });
});

describe('--print-config with --template', () => {
  it('prints the settings each function gets', () => {
    const result = runCli(['--print-config', '--template', SAM]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { effective: Array<{ logicalId: string; runtime: string; arch: string; layers: string[] }> };
    expect(printed.effective.map((settings) => [settings.logicalId, settings.runtime, settings.arch])).toEqual([
      ['OrdersRustFunction', 'provided.al2023', 'arm64'],
      ['OrdersNodeFunction', 'nodejs22.x', 'x86_64'],
    ]);
  });
});

describe('--template whose functions are all skipped', () => {
  it('exits 2 with one line, since nothing was checked', () => {
    const template = join(scratch, 'all-skipped.yaml');
    writeFileSync(
      template,
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  RemoteFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: s3://artifacts-bucket/orders.zip',
        '      Handler: bootstrap',
        '      Runtime: provided.al2023',
        '',
      ].join('\n'),
    );
    const result = runCli([...TODAY, '--template', template]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['lambda-lint: nothing was linted: the only function was skipped (reasons in the report)']);
    expect(result.stdout).toContain('RemoteFunction');
  });
});
