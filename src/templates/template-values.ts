import { isRecord, type Template } from './read-template.js';

/** A template value reduced to a plain string, or the reason it cannot be. */
export type ResolvedString = { value: string } | { reason: string };

/** Maximum nesting of intrinsic functions that resolveString follows; deeper values stay unresolved. */
const MAX_DEPTH = 8;

/**
 * Reduces a template value to a string when the template alone determines it: a plain scalar, an
 * Fn::Sub without variables, and Fn::Join, Fn::Select and Fn::FindInMap over such values. Refs to
 * Parameters and pseudo parameters, Fn::If and the other intrinsic functions depend on the deployment,
 * so they come back with a reason, unless the run was given the Parameter's value. A Parameter's Default
 * is not used, because a deployment may override it.
 */
export function resolveString(value: unknown, template: Template, depth = 0): ResolvedString {
  if (typeof value === 'string') {
    return { value };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { value: String(value) };
  }
  if (depth > MAX_DEPTH) {
    return { reason: 'nested intrinsic functions too deep to follow' };
  }

  const intrinsic = asIntrinsic(value);
  if (intrinsic === null) {
    return { reason: 'not a string' };
  }

  switch (intrinsic.name) {
    case 'Ref':
      if (typeof intrinsic.argument === 'string' && Object.hasOwn(template.parameterValues, intrinsic.argument)) {
        return { value: template.parameterValues[intrinsic.argument] };
      }
      return { reason: describeRef(intrinsic.argument, template) };
    case 'Fn::Sub':
      return resolveSub(intrinsic.argument, template, depth);
    case 'Fn::Join':
      return resolveJoin(intrinsic.argument, template, depth);
    case 'Fn::Select':
      return resolveSelect(intrinsic.argument, template, depth);
    case 'Fn::FindInMap':
      return resolveFindInMap(intrinsic.argument, template, depth);
    case 'Fn::If': {
      const condition = Array.isArray(intrinsic.argument) && typeof intrinsic.argument[0] === 'string' ? ` on the condition ${intrinsic.argument[0]}` : '';
      return { reason: `an Fn::If${condition}, decided at deployment` };
    }
    default:
      return { reason: `an ${intrinsic.name}, resolved only at deployment` };
  }
}

/**
 * Reduces a list-valued property (Architectures, Layers) to its items, or returns the reason the
 * template alone does not determine it (a Ref to a CommaDelimitedList Parameter, an Fn::If).
 */
export function resolveList(value: unknown, template: Template): { items: unknown[] } | { reason: string } {
  if (Array.isArray(value)) {
    return { items: value };
  }
  const resolved = resolveString(value, template);
  if ('value' in resolved) {
    return { reason: `the string "${resolved.value}" where a list belongs` };
  }
  return resolved;
}

/** An object of one key naming an intrinsic function (`Ref`, `Fn::...`), or null. */
export function asIntrinsic(value: unknown): { name: string; argument: unknown } | null {
  if (!isRecord(value)) {
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return null;
  }
  const name = keys[0];
  if (name !== 'Ref' && name !== 'Condition' && !name.startsWith('Fn::')) {
    return null;
  }
  return { name, argument: value[name] };
}

/** Describes what a Ref points at: a Parameter, a pseudo parameter or a resource. */
function describeRef(argument: unknown, template: Template): string {
  const name = typeof argument === 'string' ? argument : JSON.stringify(argument);
  if (name.startsWith('AWS::')) {
    return `a Ref to the pseudo parameter ${name}, known only at deployment`;
  }
  if (Object.hasOwn(template.parameters, name)) {
    return `a Ref to the Parameter ${name}, whose value is chosen at deployment (give it with --parameter-overrides ${name}=VALUE)`;
  }
  if (Object.hasOwn(template.resources, name)) {
    return `a Ref to the resource ${name}`;
  }
  return `a Ref to ${name}, which the template does not declare`;
}

/** `${!Literal}` writes `${Literal}`; any other `${...}` is a variable. */
const SUB_VARIABLE = /\$\{(?!!)([^}]*)\}/g;

function resolveSub(argument: unknown, template: Template, depth: number): ResolvedString {
  let text: unknown = argument;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(argument)) {
    text = argument[0];
    variables = isRecord(argument[1]) ? argument[1] : {};
  }
  if (typeof text !== 'string') {
    return { reason: 'an Fn::Sub whose text is not a string' };
  }

  let unresolved: string | null = null;
  const substituted = text.replace(SUB_VARIABLE, (match, name: string) => {
    if (!Object.hasOwn(variables, name)) {
      if (Object.hasOwn(template.parameterValues, name)) {
        return template.parameterValues[name];
      }
      unresolved ??= `an Fn::Sub of \${${name}}, known only at deployment`;
      return match;
    }
    const resolved = resolveString(variables[name], template, depth + 1);
    if ('reason' in resolved) {
      unresolved ??= `an Fn::Sub whose variable ${name} is ${resolved.reason}`;
      return match;
    }
    return resolved.value;
  });

  if (unresolved !== null) {
    return { reason: unresolved };
  }
  return { value: substituted.replaceAll('${!', '${') };
}

function resolveJoin(argument: unknown, template: Template, depth: number): ResolvedString {
  if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) {
    return { reason: 'an Fn::Join that is not [delimiter, [values]]' };
  }

  const parts: string[] = [];
  for (const item of argument[1]) {
    const resolved = resolveString(item, template, depth + 1);
    if ('reason' in resolved) {
      return { reason: `an Fn::Join of ${resolved.reason}` };
    }
    parts.push(resolved.value);
  }
  return { value: parts.join(argument[0]) };
}

function resolveSelect(argument: unknown, template: Template, depth: number): ResolvedString {
  if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) {
    return { reason: 'an Fn::Select that is not [index, [values]] with a literal list' };
  }
  const index = resolveString(argument[0], template, depth + 1);
  if ('reason' in index) {
    return { reason: `an Fn::Select whose index is ${index.reason}` };
  }
  const position = Number(index.value);
  if (!Number.isInteger(position) || position < 0 || position >= argument[1].length) {
    return { reason: `an Fn::Select of index ${index.value}, outside its list` };
  }
  return resolveString(argument[1][position], template, depth + 1);
}

function resolveFindInMap(argument: unknown, template: Template, depth: number): ResolvedString {
  if (!Array.isArray(argument) || argument.length < 3) {
    return { reason: 'an Fn::FindInMap that is not [map, top-level key, second-level key]' };
  }

  const keys: string[] = [];
  for (const key of argument.slice(0, 3)) {
    const resolved = resolveString(key, template, depth + 1);
    if ('reason' in resolved) {
      return { reason: `an Fn::FindInMap whose key is ${resolved.reason}` };
    }
    keys.push(resolved.value);
  }

  const [mapName, topKey, secondKey] = keys;
  const map = template.mappings[mapName];
  const top = isRecord(map) ? map[topKey] : undefined;
  const found = isRecord(top) ? top[secondKey] : undefined;
  if (found === undefined) {
    return { reason: `an Fn::FindInMap of ${mapName}.${topKey}.${secondKey}, which the Mappings section lacks` };
  }
  return resolveString(found, template, depth + 1);
}
