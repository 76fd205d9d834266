import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { FunctionTarget } from '../src/templates/function-target.js';
import { targetSkipReason } from '../src/templates/function-target.js';
import { readFunctionTargets } from '../src/templates/function-targets.js';
import { readTemplate, TemplateError } from '../src/templates/read-template.js';
import { resolveString } from '../src/templates/template-values.js';

const scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-templates-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function writeTemplate(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

function byId(targets: FunctionTarget[], logicalId: string): FunctionTarget {
  const target = targets.find((candidate) => candidate.logicalId === logicalId);
  if (target === undefined) {
    throw new Error(`no function ${logicalId} among ${targets.map((candidate) => candidate.logicalId).join(', ')}`);
  }
  return target;
}

describe('SAM template', () => {
  it('reads each function with its own settings', async () => {
    const targets = await readFunctionTargets('fixtures/templates/sam/template.yaml');
    expect(targets.map((target) => target.logicalId)).toEqual(['OrdersRustFunction', 'OrdersNodeFunction']);

    const rust = byId(targets, 'OrdersRustFunction');
    expect(rust.codePath).toBe('fixtures/templates/sam/target/lambda/orders/bootstrap.zip');
    expect(rust.runtime).toBe('provided.al2023');
    expect(rust.architecture).toBe('arm64');
    expect(rust.handler).toBe('bootstrap');
    expect(rust.layers).toEqual([]);
    expect(rust.skipReason).toBeNull();

    const node = byId(targets, 'OrdersNodeFunction');
    expect(node.codePath).toBe('fixtures/templates/sam/node-function/');
    expect(node.runtime).toBe('nodejs22.x');
    expect(node.architecture).toBe('x86_64');
    expect(node.handler).toBe('index.handler');
    expect(node.layers).toEqual(['fixtures/templates/sam/node-layer/']);
    expect(node.notes).toEqual([]);
  });
});

describe('CDK cloud assembly template', () => {
  it('takes packages from aws:asset:path metadata', async () => {
    const targets = await readFunctionTargets('fixtures/templates/cdk/cdk.out/OrdersStack.template.json');
    expect(targets.map((target) => target.logicalId)).toEqual(['OrdersRustFunction4B5E8D10', 'OrdersNodeFunction9D7A2E55']);

    const rust = byId(targets, 'OrdersRustFunction4B5E8D10');
    expect(rust.codePath).toBe('fixtures/templates/cdk/cdk.out/asset.09fb54124fa469b70e4990d4c5bf8a0da7bcfcdb44025ebeab8f2bacca0d29c3');
    expect(rust.architecture).toBe('arm64');
    expect(rust.runtime).toBe('provided.al2023');

    const node = byId(targets, 'OrdersNodeFunction9D7A2E55');
    expect(node.runtime).toBe('nodejs22.x');
    expect(node.layers).toEqual(['fixtures/templates/cdk/cdk.out/asset.3600f8606fcc4da669bb32c1f609deb0332f679a2dc40fed20d93d768d63b7b2.zip']);
  });

  it('skips S3 code whose asset property names another property', async () => {
    const path = writeTemplate(
      'cdk-mismatch.template.json',
      JSON.stringify({
        Resources: {
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Code: { S3Bucket: 'b', S3Key: 'k.zip' }, Runtime: 'nodejs22.x', Handler: 'index.handler' },
            Metadata: { 'aws:asset:path': 'asset.abc', 'aws:asset:property': 'Content' },
          },
        },
      }),
    );
    const [target] = await readFunctionTargets(path);
    expect(target.codePath).toBeNull();
    expect(target.skipReason).toContain('without aws:asset:path metadata');
  });
});

describe('CloudFormation JSON template', () => {
  it('reads Code paths, layer Content and long-form intrinsics', async () => {
    const targets = await readFunctionTargets('fixtures/templates/cloudformation/template.json');

    const orders = byId(targets, 'OrdersFunction');
    expect(orders.codePath).toBe('fixtures/templates/sam/target/lambda/orders/bootstrap.zip');
    expect(orders.architecture).toBe('arm64');

    const format = byId(targets, 'FormatFunction');
    expect(format.runtime).toBe('nodejs22.x');
    expect(format.layers).toEqual(['fixtures/templates/sam/node-layer']);
    expect(format.notes).toHaveLength(1);
    expect(format.notes[0]).toContain('arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsTypeScriptV2:20');

    const inline = byId(targets, 'InlineFunction');
    expect(inline.skipReason).toBe('its code is Code.ZipFile in the template');
  });
});

describe('SAM Globals', () => {
  it('merges globals as the SAM translator does', async () => {
    const targets = await readFunctionTargets('fixtures/templates/globals/template.yaml');

    const inheriting = byId(targets, 'InheritingFunction');
    expect(inheriting.codePath).toBe('fixtures/templates/sam/node-function/');
    expect(inheriting.runtime).toBe('nodejs22.x');
    expect(inheriting.handler).toBe('index.handler');
    expect(inheriting.architecture).toBe('arm64');
    expect(inheriting.layers).toEqual(['fixtures/templates/sam/node-layer/']);

    const overriding = byId(targets, 'OverridingFunction');
    expect(overriding.runtime).toBe('nodejs20.x');
    expect(overriding.layers).toEqual(['fixtures/templates/sam/node-layer/', 'fixtures/cases/pass-node22-layer-node-modules/layer.zip']);

    const ignoring = byId(targets, 'IgnoringFunction');
    expect(ignoring.architecture).toBe('x86_64');
    expect(ignoring.layers).toEqual([]);
    expect(ignoring.runtime).toBe('nodejs22.x');

    const twoArchitectures = byId(targets, 'TwoArchitecturesFunction');
    expect(twoArchitectures.architecture).toBeNull();
    expect(twoArchitectures.unresolved.architecture).toBe('Architectures lists 2 values, and Lambda takes exactly one');
  });

  it('takes the template folder when no CodeUri is set anywhere', async () => {
    const path = writeTemplate('no-code-uri.yaml', 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n');
    const [target] = await readFunctionTargets(path);
    expect(target.codePath).toBe(scratch);
    expect(target.notes[0]).toContain('no CodeUri');
  });
});

describe('values lambda-lint cannot resolve', () => {
  const cases: Array<[string, string]> = [
    ['S3CodeUriFunction', 'CodeUri s3://orders-artifacts/orders/function.zip is not a local path'],
    ['S3LocationFunction', 'CodeUri is an S3 location (Bucket, Key), not a local path'],
    ['ParameterCodeUriFunction', 'CodeUri is an Fn::Sub of ${Stage}, known only at deployment'],
    ['ImageFunction', 'PackageType is Image; lambda-lint checks zip packages'],
    ['InlineFunction', 'its code is InlineCode in the template'],
    ['S3ObjectFunction', 'Code is an S3 object (S3Bucket, S3Key) without aws:asset:path metadata, so its package is not on this machine'],
  ];

  for (const [logicalId, reason] of cases) {
    it(`skips ${logicalId}`, async () => {
      const target = byId(await readFunctionTargets('fixtures/templates/skipped/template.yaml'), logicalId);
      expect(target.codePath).toBeNull();
      expect(target.skipReason).toBe(reason);
      expect(targetSkipReason(target, { runtime: 'nodejs22.x' })).toBe(reason);
    });
  }

  it('skips a Runtime from a Parameter unless --runtime is given', async () => {
    const target = byId(await readFunctionTargets('fixtures/templates/skipped/template.yaml'), 'ParameterRuntimeFunction');
    expect(target.runtime).toBeNull();
    expect(targetSkipReason(target, {})).toBe('Runtime is a Ref to the Parameter NodeRuntime, whose value is chosen at deployment (give it with --parameter-overrides NodeRuntime=VALUE)');
    expect(targetSkipReason(target, { runtime: 'nodejs22.x' })).toBeNull();
  });

  it('skips an Fn::If architecture unless --arch is given', async () => {
    const target = byId(await readFunctionTargets('fixtures/templates/skipped/template.yaml'), 'ConditionalArchitectureFunction');
    expect(targetSkipReason(target, {})).toBe('Architectures is an Fn::If on the condition IsProd, decided at deployment; pass --arch to lint it');
    expect(targetSkipReason(target, { architecture: 'arm64' })).toBeNull();
  });

  it('resolves an Fn::FindInMap with literal keys', async () => {
    const target = byId(await readFunctionTargets('fixtures/templates/skipped/template.yaml'), 'MappedRuntimeFunction');
    expect(target.runtime).toBe('nodejs22.x');
    expect(targetSkipReason(target, {})).toBeNull();
  });

  it('skips source that sam build compiles', async () => {
    const target = byId(await readFunctionTargets('fixtures/templates/skipped/template.yaml'), 'SourceBuiltFunction');
    expect(target.skipReason).toContain('Metadata.BuildMethod is rust-cargolambda');
  });

  it('keeps an unknown Runtime unskipped', async () => {
    const target = byId(await readFunctionTargets('fixtures/templates/retired/template.yaml'), 'RetiredRuntimeFunction');
    expect(target.runtime).toBe('nodejs12.x');
    expect(targetSkipReason(target, {})).toBeNull();
  });

  it('ignores an unresolved Handler on a custom runtime', () => {
    const target: FunctionTarget = {
      logicalId: 'Fn',
      template: 't.yaml',
      codePath: 'fn.zip',
      runtime: 'provided.al2023',
      handler: null,
      architecture: 'x86_64',
      layers: [],
      skipReason: null,
      unresolved: { handler: 'Handler is a Ref to the Parameter H, whose value is chosen at deployment' },
      notes: [],
    };
    expect(targetSkipReason(target, {})).toBeNull();
    expect(targetSkipReason({ ...target, runtime: 'nodejs22.x' }, {})).toContain('pass --handler to lint it');
  });
});

describe('YAML short-form tags', () => {
  it('turns every short form into its long form', async () => {
    const path = writeTemplate(
      'tags.yaml',
      [
        'Parameters:',
        '  Env: { Type: String }',
        'Conditions:',
        '  Prod: !Equals [!Ref Env, prod]',
        '  NotProd: !Not [!Condition Prod]',
        '  Either: !Or [!Condition Prod, !And [!Condition NotProd, !Equals [a, a]]]',
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      A: !GetAtt Db.Endpoint.Address',
        '      B: !Join [":", [!Select [0, !GetAZs ""], !ImportValue shared-vpc]]',
        '      C: !Split [",", !Base64 abc]',
        '      D: !Cidr [10.0.0.0/16, 4, 8]',
        '      E: !FindInMap [M, !Ref "AWS::Region", x]',
        '      F: !If [Prod, !Sub "${Env}-x", !Ref "AWS::NoValue"]',
        '      G: !Sub',
        '        - "${A}-b"',
        '        - { A: !Ref Env }',
      ].join('\n'),
    );
    const template = await readTemplate(path);
    const properties = template.resources.Bucket.Properties as Record<string, unknown>;
    expect(properties.A).toEqual({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] });
    expect(properties.B).toEqual({ 'Fn::Join': [':', [{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { 'Fn::ImportValue': 'shared-vpc' }]] });
    expect(properties.C).toEqual({ 'Fn::Split': [',', { 'Fn::Base64': 'abc' }] });
    expect(properties.D).toEqual({ 'Fn::Cidr': ['10.0.0.0/16', 4, 8] });
    expect(properties.E).toEqual({ 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'x'] });
    expect(properties.F).toEqual({ 'Fn::If': ['Prod', { 'Fn::Sub': '${Env}-x' }, { Ref: 'AWS::NoValue' }] });
    expect(properties.G).toEqual({ 'Fn::Sub': ['${A}-b', { A: { Ref: 'Env' } }] });
  });

  it('resolves Fn::Sub, Fn::Join and Fn::Select over literals only', async () => {
    const template = await readTemplate(writeTemplate('values.yaml', 'Parameters:\n  P: { Type: String }\nResources:\n  R: { Type: AWS::SNS::Topic }\n'));
    expect(resolveString({ 'Fn::Sub': 'a-${!Literal}' }, template)).toEqual({ value: 'a-${Literal}' });
    expect(resolveString({ 'Fn::Sub': ['${X}.x', { X: 'nodejs22' }] }, template)).toEqual({ value: 'nodejs22.x' });
    expect(resolveString({ 'Fn::Join': ['', ['python', '3.12']] }, template)).toEqual({ value: 'python3.12' });
    expect(resolveString({ 'Fn::Select': [1, ['x86_64', 'arm64']] }, template)).toEqual({ value: 'arm64' });
    expect(resolveString({ 'Fn::Join': ['', [{ Ref: 'P' }, 'x']] }, template)).toEqual({
      reason: 'an Fn::Join of a Ref to the Parameter P, whose value is chosen at deployment (give it with --parameter-overrides P=VALUE)',
    });
    expect(resolveString({ Ref: 'AWS::Region' }, template)).toEqual({ reason: 'a Ref to the pseudo parameter AWS::Region, known only at deployment' });
  });
});

describe('unreadable templates', () => {
  it('rejects a missing file', async () => {
    await expect(readTemplate(join(scratch, 'none.yaml'))).rejects.toThrow(TemplateError);
  });

  it('rejects invalid YAML with the line', async () => {
    const path = writeTemplate('bad.yaml', 'Resources:\n  Fn: [unclosed\n');
    await expect(readTemplate(path)).rejects.toThrow(/is not valid YAML: .*line/);
  });

  it('rejects a template without functions', async () => {
    const path = writeTemplate('topic.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    await expect(readFunctionTargets(path)).rejects.toThrow('declares no AWS::Serverless::Function or AWS::Lambda::Function');
  });
});

describe('template fixture copies', () => {
  it('match the binaries and zips they are copied from', () => {
    const result = spawnSync('bash', ['fixtures/templates/copy-fixtures.sh', '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
