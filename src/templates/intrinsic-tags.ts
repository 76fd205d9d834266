import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';

/**
 * CloudFormation's short-form intrinsic function tags. Each turns into the long form that a JSON
 * template writes, e.g. `!Ref Bucket` into `{ "Ref": "Bucket" }` and `!If [...]` into `{ "Fn::If": [...] }`.
 */
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Split': 'Fn::Split',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** Wraps an already composed collection node in a one-key map `{ key: node }`. */
function wrapCollection(key: string, node: YAMLMap | YAMLSeq): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), node));
  return map;
}

/** `!GetAtt Resource.Attribute` is the scalar form of `["Resource", "Attribute"]`; attribute names may contain dots. */
function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/** Builds the yaml package's custom tags: every short form in its scalar, sequence and mapping shape. */
function buildIntrinsicTags(): Array<ScalarTag | CollectionTag> {
  const tags: Array<ScalarTag | CollectionTag> = [];

  for (const [tag, key] of Object.entries(SHORT_FORMS)) {
    tags.push({
      tag,
      resolve: (value: string) => ({ [key]: key === 'Fn::GetAtt' ? splitGetAtt(value) : value }),
    });

    tags.push({
      tag,
      collection: 'seq',
      resolve: (node) => wrapCollection(key, node as YAMLSeq),
    });

    tags.push({
      tag,
      collection: 'map',
      resolve: (node) => wrapCollection(key, node as YAMLMap),
    });
  }
  return tags;
}

/** Custom tags for `parseDocument(..., { customTags })`. */
export const INTRINSIC_TAGS = buildIntrinsicTags();
