import { asIntrinsic } from './template-values.js';
import { isRecord } from './read-template.js';

/** The `Globals.Function` properties that decide how lambda-lint lints a function. */
const FUNCTION_GLOBALS = ['Runtime', 'Handler', 'Architectures', 'Layers', 'CodeUri'];

/**
 * Merges SAM's `Globals.Function` into one function's Properties the way the SAM translator does
 * (samtranslator/plugins/globals/globals.py). A value set on the function replaces a scalar or
 * intrinsic-function global. Two lists are concatenated with the global items first, and two
 * mappings are merged key by key. The resource attribute `IgnoreGlobals` (`"*"` or a list of
 * property names) keeps globals off the function. Only the properties lambda-lint reads are merged.
 */
export function mergeFunctionGlobals(
  globals: Record<string, unknown>,
  properties: Record<string, unknown>,
  ignoreGlobals: unknown,
): Record<string, unknown> {
  const globalFunction = isRecord(globals.Function) ? globals.Function : {};
  const merged: Record<string, unknown> = { ...properties };
  if (ignoreGlobals === '*') {
    return merged;
  }
  const ignored = Array.isArray(ignoreGlobals) ? ignoreGlobals : [];

  for (const key of FUNCTION_GLOBALS) {
    if (!Object.hasOwn(globalFunction, key) || ignored.includes(key)) {
      continue;
    }
    merged[key] = Object.hasOwn(properties, key) ? mergeValue(globalFunction[key], properties[key]) : globalFunction[key];
  }
  return merged;
}

function mergeValue(globalValue: unknown, localValue: unknown): unknown {
  const globalShape = shapeOf(globalValue);
  if (globalShape !== shapeOf(localValue) || globalShape === 'scalar') {
    return localValue;
  }
  if (globalShape === 'list') {
    return [...(globalValue as unknown[]), ...(localValue as unknown[])];
  }

  const globalMap = globalValue as Record<string, unknown>;
  const localMap = localValue as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...globalMap };
  for (const [key, value] of Object.entries(localMap)) {
    merged[key] = Object.hasOwn(globalMap, key) ? mergeValue(globalMap[key], value) : value;
  }
  return merged;
}

/** The SAM translator treats an intrinsic function like a scalar, because it resolves to one. */
function shapeOf(value: unknown): 'scalar' | 'list' | 'map' {
  if (Array.isArray(value)) {
    return 'list';
  }
  if (isRecord(value) && asIntrinsic(value) === null) {
    return 'map';
  }
  return 'scalar';
}
