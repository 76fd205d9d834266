import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { listRuntimes } from '../src/runtimes/runtime.js';

const DATA_DIRECTORY = 'src/runtimes/data';
const schema = JSON.parse(readFileSync('docs/runtime.schema.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('runtime data files', () => {
  const files = readdirSync(DATA_DIRECTORY).filter((name) => name.endsWith('.json'));

  it('has one file per loaded runtime', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(listRuntimes().map((runtime) => runtime.id).sort());
  });

  for (const name of files) {
    it(`${name} matches the schema`, () => {
      const data: unknown = JSON.parse(readFileSync(join(DATA_DIRECTORY, name), 'utf8'));
      const valid = validate(data);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  }

  it('names glibc in symbolVersions consistently with glibc', () => {
    for (const runtime of listRuntimes()) {
      expect(runtime.symbolVersions.GLIBC).toBe(runtime.glibc);
    }
  });

  it('lists each architecture loader among its libraries', () => {
    for (const runtime of listRuntimes()) {
      for (const architecture of Object.values(runtime.architectures)) {
        const loaderName = architecture.loader.slice(architecture.loader.lastIndexOf('/') + 1);
        expect(architecture.libraries).toContain(loaderName);
        expect(architecture.libraries).toContain('libc.so.6');
      }
    }
  });

  it('keeps libssl.so.1.1 out of every runtime', () => {
    for (const runtime of listRuntimes()) {
      for (const architecture of Object.values(runtime.architectures)) {
        expect(architecture.libraries).not.toContain('libssl.so.1.1');
        expect(architecture.unconfirmedLibraries).not.toContain('libssl.so.1.1');
      }
    }
  });
});
