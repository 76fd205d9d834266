import { isAbsolute, join, resolve, sep } from 'node:path';

import { isRecord, type Template, type TemplateResource } from './read-template.js';
import { asIntrinsic, resolveString } from './template-values.js';

/** The package of a function or layer: a local folder or zip, or the reason lambda-lint cannot lint it. */
export type CodeLocation = { path: string; note?: string } | { skipReason: string };

/** A URL scheme such as `s3://` or `https://`: the package is not on this machine. */
const REMOTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Finds the package of an `AWS::Serverless::Function` (InlineCode, CodeUri) or an
 * `AWS::Lambda::Function` (Code). `properties` already has SAM's Globals merged in.
 */
export function functionCodeLocation(resource: TemplateResource, properties: Record<string, unknown>, template: Template): CodeLocation {
  if (resource.Type === 'AWS::Serverless::Function') {
    if (properties.InlineCode !== undefined) {
      return { skipReason: 'its code is InlineCode in the template' };
    }
    if (properties.CodeUri === undefined) {
      // SAM CLI uses the template's folder when a function sets no CodeUri.
      return checkBuildMethod(resource, template, { path: template.directory, note: 'no CodeUri, so the template\'s folder is the package, as SAM CLI takes it' });
    }
    return checkBuildMethod(resource, template, localUri('CodeUri', properties.CodeUri, template));
  }

  const code = properties.Code;
  if (code === undefined) {
    return { skipReason: 'it sets no Code' };
  }
  if (isRecord(code) && asIntrinsic(code) === null) {
    if (code.ZipFile !== undefined) {
      return { skipReason: 'its code is Code.ZipFile in the template' };
    }
    if (code.ImageUri !== undefined) {
      return { skipReason: 'it is a container image (Code.ImageUri); lambda-lint checks zip packages' };
    }
    return cdkAsset(resource, 'Code', template) ?? { skipReason: 'Code is an S3 object (S3Bucket, S3Key) without aws:asset:path metadata, so its package is not on this machine' };
  }
  return checkBuildMethod(resource, template, localUri('Code', code, template));
}

/**
 * Finds the package of an `AWS::Serverless::LayerVersion` (ContentUri) or an
 * `AWS::Lambda::LayerVersion` (Content).
 */
export function layerContentLocation(resource: TemplateResource, template: Template): CodeLocation {
  const properties = isRecord(resource.Properties) ? resource.Properties : {};

  if (resource.Type === 'AWS::Serverless::LayerVersion') {
    if (properties.ContentUri === undefined) {
      return { skipReason: 'it sets no ContentUri' };
    }
    return checkBuildMethod(resource, template, localUri('ContentUri', properties.ContentUri, template));
  }

  const content = properties.Content;
  if (content === undefined) {
    return { skipReason: 'it sets no Content' };
  }
  if (isRecord(content) && asIntrinsic(content) === null) {
    return cdkAsset(resource, 'Content', template) ?? { skipReason: 'Content is an S3 object (S3Bucket, S3Key) without aws:asset:path metadata, so its package is not on this machine' };
  }
  return checkBuildMethod(resource, template, localUri('Content', content, template));
}

/** Resolves a CodeUri, Code, ContentUri or Content value that should name a local path. */
function localUri(property: string, value: unknown, template: Template): CodeLocation {
  if (isRecord(value) && asIntrinsic(value) === null) {
    return { skipReason: `${property} is an S3 location (Bucket, Key), not a local path` };
  }

  const resolved = resolveString(value, template);
  if ('reason' in resolved) {
    return { skipReason: `${property} is ${resolved.reason}` };
  }
  if (REMOTE_URL.test(resolved.value)) {
    return { skipReason: `${property} ${resolved.value} is not a local path` };
  }
  return { path: templateRelative(template, resolved.value) };
}

/** Joins a path from the template to the template's folder, keeping it relative when the template path is. */
function templateRelative(template: Template, path: string): string {
  return isAbsolute(path) ? path : join(template.directory, path);
}

/**
 * Reads the asset metadata `cdk synth` writes on a resource whose package is a staged asset:
 * `aws:asset:path` (a folder or .zip, relative to the cdk.out folder) and `aws:asset:property`
 * (the property it fills, `Code` or `Content`).
 */
function cdkAsset(resource: TemplateResource, property: 'Code' | 'Content', template: Template): CodeLocation | null {
  const metadata = isRecord(resource.Metadata) ? resource.Metadata : {};
  const assetPath = metadata['aws:asset:path'];
  const assetProperty = metadata['aws:asset:property'];
  if (typeof assetPath !== 'string' || (assetProperty !== undefined && assetProperty !== property)) {
    return null;
  }
  return { path: templateRelative(template, assetPath) };
}

/**
 * Skips the source of a resource with `Metadata.BuildMethod`: `sam build` compiles its CodeUri or
 * ContentUri into `.aws-sam/build`, and only that built copy is the package.
 */
function checkBuildMethod(resource: TemplateResource, template: Template, location: CodeLocation): CodeLocation {
  const metadata = isRecord(resource.Metadata) ? resource.Metadata : {};
  const buildMethod = metadata.BuildMethod;
  if (typeof buildMethod !== 'string' || 'skipReason' in location || isSamBuildTemplate(template.path)) {
    return location;
  }
  return {
    skipReason: `its Metadata.BuildMethod is ${buildMethod}, so its code path is source that sam build compiles; run sam build and lint .aws-sam/build/template.yaml`,
  };
}

/**
 * True for a template that `sam build` wrote: one inside a `.aws-sam` folder.
 * NOTE: `sam build --build-dir` can write it elsewhere; such a template is taken as a source template.
 */
export function isSamBuildTemplate(templatePath: string): boolean {
  return resolve(templatePath).split(sep).includes('.aws-sam');
}
