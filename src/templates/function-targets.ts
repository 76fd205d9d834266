import { ARCHITECTURES, type Architecture } from '../runtimes/runtime.js';
import { functionCodeLocation, layerContentLocation } from './code-location.js';
import type { FunctionTarget } from './function-target.js';
import { isRecord, readTemplate, TemplateError, type Template, type TemplateResource } from './read-template.js';
import { mergeFunctionGlobals } from './sam-globals.js';
import { asIntrinsic, resolveList, resolveString } from './template-values.js';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const LAYER_TYPES = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);

/**
 * Reads a template and lists its Lambda functions with the settings each is linted with. Throws
 * TemplateError when the file cannot be read, is no template, or declares no function.
 */
export async function readFunctionTargets(path: string, parameterValues: Record<string, string> = {}): Promise<FunctionTarget[]> {
  const template = await readTemplate(path, parameterValues);
  const targets = listFunctionTargets(template);
  if (targets.length === 0) {
    throw new TemplateError(`template ${path} declares no AWS::Serverless::Function or AWS::Lambda::Function`);
  }
  return targets;
}

/** Lists the `AWS::Serverless::Function` and `AWS::Lambda::Function` resources in template order. */
export function listFunctionTargets(template: Template): FunctionTarget[] {
  const targets: FunctionTarget[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    if (isRecord(resource) && FUNCTION_TYPES.has(resource.Type as string)) {
      targets.push(functionTarget(logicalId, resource, template));
    }
  }
  return targets;
}

function functionTarget(logicalId: string, resource: TemplateResource, template: Template): FunctionTarget {
  const ownProperties = isRecord(resource.Properties) ? resource.Properties : {};
  const properties =
    resource.Type === 'AWS::Serverless::Function' ? mergeFunctionGlobals(template.globals, ownProperties, resource.IgnoreGlobals) : ownProperties;

  const target: FunctionTarget = {
    logicalId,
    template: template.path,
    codePath: null,
    runtime: null,
    handler: null,
    architecture: null,
    layers: [],
    skipReason: null,
    unresolved: {},
    notes: [],
  };

  readRuntimeAndHandler(target, properties, template);
  readArchitecture(target, properties, template);
  readLayers(target, properties, template);

  const packageType = properties.PackageType === undefined ? { value: 'Zip' } : resolveString(properties.PackageType, template);
  if ('reason' in packageType) {
    target.skipReason = `PackageType is ${packageType.reason}`;
    return target;
  }
  if (packageType.value === 'Image') {
    target.skipReason = 'PackageType is Image; lambda-lint checks zip packages';
    return target;
  }

  const code = functionCodeLocation(resource, properties, template);
  if ('skipReason' in code) {
    target.skipReason = code.skipReason;
    return target;
  }
  target.codePath = code.path;
  if (code.note !== undefined) {
    target.notes.push(code.note);
  }
  return target;
}

function readRuntimeAndHandler(target: FunctionTarget, properties: Record<string, unknown>, template: Template): void {
  if (properties.Runtime === undefined) {
    target.unresolved.runtime = 'the function sets no Runtime';
  } else {
    const runtime = resolveString(properties.Runtime, template);
    if ('reason' in runtime) {
      target.unresolved.runtime = `Runtime is ${runtime.reason}`;
    } else {
      target.runtime = runtime.value;
    }
  }

  if (properties.Handler !== undefined) {
    const handler = resolveString(properties.Handler, template);
    if ('reason' in handler) {
      target.unresolved.handler = `Handler is ${handler.reason}`;
    } else {
      target.handler = handler.value;
    }
  }
}

/** Architectures contains exactly one value; without it Lambda uses x86_64. */
function readArchitecture(target: FunctionTarget, properties: Record<string, unknown>, template: Template): void {
  if (properties.Architectures === undefined) {
    target.architecture = 'x86_64';
    return;
  }

  const list = resolveList(properties.Architectures, template);
  if ('reason' in list) {
    target.unresolved.architecture = `Architectures is ${list.reason}`;
    return;
  }
  if (list.items.length !== 1) {
    target.unresolved.architecture = `Architectures lists ${list.items.length} values, and Lambda takes exactly one`;
    return;
  }

  const value = resolveString(list.items[0], template);
  if ('reason' in value) {
    target.unresolved.architecture = `Architectures is ${value.reason}`;
    return;
  }
  if (!ARCHITECTURES.includes(value.value as Architecture)) {
    target.unresolved.architecture = `Architectures is "${value.value}", which is neither x86_64 nor arm64`;
    return;
  }
  target.architecture = value.value as Architecture;
}

/**
 * Collects the local layers in attachment order. A layer that is not a resource of this template
 * (an ARN, a Ref to a Parameter) or whose package is not local is left out, with a note.
 */
function readLayers(target: FunctionTarget, properties: Record<string, unknown>, template: Template): void {
  if (properties.Layers === undefined) {
    return;
  }

  const list = resolveList(properties.Layers, template);
  if ('reason' in list) {
    target.notes.push(`Layers is ${list.reason}, so the function was linted without its layers`);
    return;
  }

  for (const item of list.items) {
    const reference = asIntrinsic(item);
    const name = reference?.name === 'Ref' && typeof reference.argument === 'string' ? reference.argument : null;
    const resource = name === null ? undefined : template.resources[name];

    if (name === null || !isRecord(resource) || !LAYER_TYPES.has(resource.Type as string)) {
      target.notes.push(`layer ${describeLayer(item, template)} is not a layer resource of this template, so it was left out`);
      continue;
    }

    const location = layerContentLocation(resource, template);
    if ('skipReason' in location) {
      target.notes.push(`layer ${name} was left out because ${location.skipReason}`);
      continue;
    }
    target.layers.push(location.path);
  }
}

function describeLayer(item: unknown, template: Template): string {
  const resolved = resolveString(item, template);
  return 'value' in resolved ? resolved.value : `(${resolved.reason})`;
}

/** Reads each template in turn and returns all their functions; throws TemplateError for the first bad template. */
export async function readTemplatesFunctionTargets(paths: string[], parameterValues: Record<string, string> = {}): Promise<FunctionTarget[]> {
  const targets: FunctionTarget[] = [];
  for (const path of paths) {
    targets.push(...(await readFunctionTargets(path, parameterValues)));
  }
  return targets;
}
