import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { ErrorObject, ValidateFunction } from 'ajv';

import schema from '../../docs/config.schema.json' with { type: 'json' };
import type { RuleLevel } from '../engine/rule.js';
import type { Architecture } from '../runtimes/runtime.js';

/** Settings that apply to one artifact. */
export interface ArtifactSettings {
  runtime?: string;
  arch?: Architecture;
  handler?: string;
  kind?: 'function' | 'layer';
  layers?: string[];
}

export interface IgnoreEntry {
  rule: string;
  artifact?: string;
  entry?: string;
  reason: string;
}

/** The contents of a configuration file, as docs/config.schema.json describes them. */
export interface LintConfig extends ArtifactSettings {
  rules?: Record<string, RuleLevel>;
  artifacts?: Array<ArtifactSettings & { files: string }>;
  ignores?: IgnoreEntry[];
}

export interface LoadedConfig {
  /** The file the configuration came from, or null when none was found. */
  path: string | null;
  /** Folder that globs in the configuration are relative to. */
  directory: string;
  config: LintConfig;
}

/** A configuration file that cannot be read or does not match the schema (exit code 2 in the CLI). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** File names searched in each folder, in this order; package.json counts only with a lambdaLint key. */
const CONFIG_FILES = ['lambda-lint.config.json', '.lambdalintrc.json', 'package.json'];

let validator: ValidateFunction<LintConfig> | null = null;

/**
 * Compiles the configuration schema on first use: ajv costs tens of milliseconds to load and compile,
 * which a run without a configuration file (a pre-push hook) should not pay.
 */
async function configValidator(): Promise<ValidateFunction<LintConfig>> {
  if (validator === null) {
    const { Ajv } = await import('ajv');
    validator = new Ajv({ allErrors: true, strict: true }).compile<LintConfig>(schema);
  }
  return validator;
}

/**
 * Finds the configuration: `explicitPath` when given, else the first config file in the working
 * directory or above it. Returns an empty configuration when there is none.
 */
export async function loadConfig(workingDirectory: string, explicitPath?: string): Promise<LoadedConfig> {
  if (explicitPath !== undefined) {
    const path = resolve(workingDirectory, explicitPath);
    if (!existsSync(path)) {
      throw new ConfigError(`config ${explicitPath}: no such file`);
    }
    const config = await readConfigFile(path, path.endsWith('package.json'));
    return { path, directory: dirname(path), config: config ?? {} };
  }

  let directory = resolve(workingDirectory);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(directory, name);
      if (existsSync(path)) {
        const config = await readConfigFile(path, name === 'package.json');
        if (config !== null) {
          return { path, directory, config };
        }
      }
    }
    const parent = dirname(directory);
    if (parent === directory) {
      return { path: null, directory: resolve(workingDirectory), config: {} };
    }
    directory = parent;
  }
}

/** Reads and validates one file; null for a package.json without a lambdaLint key. */
async function readConfigFile(path: string, isPackageJson: boolean): Promise<LintConfig | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`config ${path}: not valid JSON (${reason})`);
  }

  let config: unknown = parsed;
  let prefix = '';
  if (isPackageJson) {
    if (typeof parsed !== 'object' || parsed === null || !('lambdaLint' in parsed)) {
      return null;
    }
    config = (parsed as { lambdaLint: unknown }).lambdaLint;
    prefix = '/lambdaLint';
  }

  const validate = await configValidator();
  if (!validate(config)) {
    const errors = (validate.errors ?? []).map((error) => describeError(error, prefix));
    throw new ConfigError(`config ${path}: ${errors.join('; ')}`);
  }
  return config;
}

/** One schema error as `at /rules/LL3006: must be one of off, info, warning, error`. */
function describeError(error: ErrorObject, prefix: string): string {
  const where = `${prefix}${error.instancePath}` || '/';
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return `unknown key "${key}" at ${where}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
    return `at ${where}: expected one of ${allowed}`;
  }
  if (error.keyword === 'required') {
    return `missing key "${(error.params as { missingProperty: string }).missingProperty}" at ${where}`;
  }
  return `at ${where}: ${error.message ?? 'invalid value'}`;
}
