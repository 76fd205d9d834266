import { readFile, stat } from 'node:fs/promises';
import { dirname, extname } from 'node:path';

/** A template that cannot be read or is no CloudFormation template (exit code 2 in the CLI). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A parsed template: its sections as JSON values, with short-form tags turned into long-form objects. */
export interface Template {
  /** The file as the user named it. */
  path: string;
  /** Folder that relative CodeUri, Code and asset paths are resolved against. */
  directory: string;
  /** `Resources`, each logical id to its `{ Type, Properties, Metadata }`. */
  resources: Record<string, TemplateResource>;
  /** `Parameters`, `Mappings` and SAM's `Globals`, or empty objects. */
  parameters: Record<string, unknown>;
  /** Parameter values given for this run (`--parameter-overrides`), which a Ref to the Parameter resolves to. */
  parameterValues: Record<string, string>;
  mappings: Record<string, unknown>;
  globals: Record<string, unknown>;
}

/** One entry of Resources; every field is as the template wrote it, unchecked. */
export interface TemplateResource {
  Type?: unknown;
  Properties?: unknown;
  Metadata?: unknown;
  /** SAM's resource attribute that keeps some or all Globals off this resource. */
  IgnoreGlobals?: unknown;
}

/**
 * Maximum template size read, in bytes. It is lambda-lint's own cap, far above CloudFormation's
 * template size quotas, and only stops an obviously wrong file such as a package named by mistake.
 */
const MAX_TEMPLATE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a SAM or CloudFormation template in YAML (YAML 1.1, as CloudFormation documents it, with
 * the short-form intrinsic tags) or JSON. Throws TemplateError for a missing file, a file that is
 * neither YAML nor JSON, and a template without Resources.
 */
export async function readTemplate(path: string, parameterValues: Record<string, string> = {}): Promise<Template> {
  const text = await readTemplateText(path);
  const body = await parseTemplateText(path, text);

  const resources = body.Resources;
  if (!isRecord(resources) || Object.keys(resources).length === 0) {
    throw new TemplateError(`template ${path} has no Resources section; is it a SAM or CloudFormation template?`);
  }

  return {
    path,
    directory: dirname(path),
    resources: resources as Record<string, TemplateResource>,
    parameters: recordOrEmpty(body.Parameters),
    parameterValues,
    mappings: recordOrEmpty(body.Mappings),
    globals: recordOrEmpty(body.Globals),
  };
}

async function readTemplateText(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new TemplateError(`template ${path} is a folder; name the template file in it, e.g. template.yaml or MyStack.template.json`);
    }
    size = info.size;
  } catch (error) {
    if (error instanceof TemplateError) {
      throw error;
    }
    throw new TemplateError(`template ${path}: no such file`);
  }

  if (size > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(`template ${path} is ${size} bytes, larger than the ${MAX_TEMPLATE_BYTES} bytes lambda-lint reads`);
  }

  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemplateError(`template ${path} cannot be read: ${reason}`);
  }
}

/** Parses JSON when the file is named .json or starts with `{`, else YAML. */
async function parseTemplateText(path: string, text: string): Promise<Record<string, unknown>> {
  const looksLikeJson = extname(path).toLowerCase() === '.json' || text.trimStart().startsWith('{');

  let body: unknown;
  if (looksLikeJson) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TemplateError(`template ${path} is not valid JSON: ${reason}`);
    }
  } else {
    // Loading yaml 2.9 took 50 to 100 ms in a few runs on Node 20, so only a YAML template pays for it.
    const { parseDocument } = await import('yaml');
    const { INTRINSIC_TAGS } = await import('./intrinsic-tags.js');
    const document = parseDocument(text, { customTags: INTRINSIC_TAGS, version: '1.1' });
    if (document.errors.length > 0) {
      // yaml's messages continue with a few lines of context; the first line names the problem and its place.
      const reason = document.errors[0].message.split('\n')[0].replace(/:$/, '');
      throw new TemplateError(`template ${path} is not valid YAML: ${reason}`);
    }
    try {
      body = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // yaml throws when aliases expand past maxAliasCount (a "billion laughs" document) or cannot resolve.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new TemplateError(`template ${path} is not valid YAML: ${reason}`);
    }
  }

  if (!isRecord(body)) {
    throw new TemplateError(`template ${path} is not a YAML or JSON mapping, so it has no Resources section`);
  }
  return body;
}

/** True for a plain object (a YAML mapping or JSON object), not an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOrEmpty(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
