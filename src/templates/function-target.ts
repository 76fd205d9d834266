import { findRuntime, type Architecture } from '../runtimes/runtime.js';

/** Settings a template can leave to a command-line option: `--runtime`, `--handler` or `--arch`. */
export type ReplaceableSetting = 'runtime' | 'handler' | 'architecture';

/**
 * One Lambda function of a template, with the settings lambda-lint read for it. A function that
 * cannot be linted has `skipReason` set and `codePath` null.
 */
export interface FunctionTarget {
  /** The resource's logical id, e.g. `OrdersFunction`. */
  logicalId: string;
  /** The template the function was read from, as the user named it. */
  template: string;
  /** The deployment package: a folder or a .zip, resolved against the template's folder. */
  codePath: string | null;
  /** Runtime identifier, or null when the template sets none or sets one lambda-lint cannot resolve. */
  runtime: string | null;
  /** Handler, or null when the template sets none. */
  handler: string | null;
  /** Instruction set architecture; `x86_64` when the template sets no Architectures. */
  architecture: Architecture | null;
  /** Local layer folders or zips in attachment order, resolved like `codePath`. */
  layers: string[];
  /** Reason the function cannot be linted whatever options are given, e.g. an `s3://` CodeUri. */
  skipReason: string | null;
  /**
   * Settings the template gives as values lambda-lint cannot resolve (a Ref to a Parameter, an
   * Fn::If), each with the reason. The matching command-line option replaces the value; without
   * one the function is skipped with that reason.
   */
  unresolved: Partial<Record<ReplaceableSetting, string>>;
  /** Facts to show with the function's result, e.g. a layer that is not local and was left out. */
  notes: string[];
}

/** Settings given explicitly on the command line (or to `lint()`), which replace the template's values. */
export interface ExplicitSettings {
  runtime?: string;
  handler?: string;
  architecture?: Architecture;
}

/** The command-line option that replaces each setting, for the skip reason. */
const OPTION_NAMES: Record<ReplaceableSetting, string> = { runtime: '--runtime', handler: '--handler', architecture: '--arch' };

/**
 * Returns why a function cannot be linted with these explicit settings, or null when it can. An
 * unresolved setting counts only when no explicit setting replaces it, and an unresolved Handler
 * only on a runtime that loads the Handler (custom runtimes ignore it). A template's Runtime that
 * lambda-lint does not know, or that lacks the architecture, is a reason too. An unknown explicit
 * value is not, because the settings check rejects it as a usage error.
 */
export function targetSkipReason(target: FunctionTarget, explicit: ExplicitSettings): string | null {
  if (target.skipReason !== null || target.codePath === null) {
    return target.skipReason ?? 'its package is not on this machine';
  }

  const runtimeId = explicit.runtime ?? target.runtime;
  for (const setting of ['runtime', 'architecture', 'handler'] as const) {
    const reason = target.unresolved[setting];
    if (reason === undefined || explicit[setting] !== undefined) {
      continue;
    }
    if (setting === 'handler' && runtimeId !== null && findRuntime(runtimeId)?.handler === 'bootstrap') {
      continue;
    }
    // A Parameter's value is best given for the one Parameter; an option would apply to every function.
    if (reason.includes('--parameter-overrides')) {
      return reason;
    }
    return `${reason}; pass ${OPTION_NAMES[setting]} to lint it`;
  }

  if (explicit.runtime === undefined && target.runtime !== null) {
    const runtime = findRuntime(target.runtime);
    // An unknown Runtime is no reason to skip: lint reports it as an error of the function.
    if (runtime === undefined) {
      return null;
    }
    const architecture = explicit.architecture ?? target.architecture;
    if (architecture !== null && runtime.architectures[architecture] === undefined) {
      return `Runtime ${runtime.id} does not run on ${architecture}`;
    }
  }
  return null;
}
