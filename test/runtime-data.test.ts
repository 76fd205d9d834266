import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { findRuntime, listOperatingSystems, listRuntimes } from '../src/runtimes/runtime.js';

const ajv = new Ajv({ allErrors: true, strict: true });
const validateOs = ajv.compile(JSON.parse(readFileSync('docs/os.schema.json', 'utf8')) as object);
const validateRuntimes = ajv.compile(JSON.parse(readFileSync('docs/runtimes.schema.json', 'utf8')) as object);

/** Runtime ids every version of lambda-lint must know, current and retired. */
const EXPECTED_RUNTIMES = [
  'provided.al2023', 'provided.al2', 'provided', 'go1.x',
  'nodejs16.x', 'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x',
  'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14',
  'ruby3.2', 'ruby3.3', 'ruby3.4', 'ruby4.0',
  'java8', 'java8.al2', 'java11', 'java17', 'java21', 'java25', 'java8.al2023', 'java11.al2023', 'java17.al2023',
  'dotnet6', 'dotnet8', 'dotnet10',
];

describe('runtime data files', () => {
  for (const name of readdirSync('src/runtimes/data/os')) {
    it(`os/${name} matches the schema`, () => {
      const data: unknown = JSON.parse(readFileSync(join('src/runtimes/data/os', name), 'utf8'));
      const valid = validateOs(data);
      expect(validateOs.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  }

  it('runtimes.json matches the schema', () => {
    const data: unknown = JSON.parse(readFileSync('src/runtimes/data/runtimes.json', 'utf8'));
    const valid = validateRuntimes(data);
    expect(validateRuntimes.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('knows every runtime id', () => {
    expect(listRuntimes().map((runtime) => runtime.id).sort()).toEqual([...EXPECTED_RUNTIMES].sort());
  });

  it('names only known successors', () => {
    for (const runtime of listRuntimes()) {
      const successor = runtime.lifecycle.successor;
      if (successor !== null) {
        expect(findRuntime(successor), `${runtime.id} -> ${successor}`).toBeDefined();
      }
    }
  });

  it('gives managed runtimes their language ABI', () => {
    expect(findRuntime('nodejs22.x')?.language?.nodeModuleVersion).toBe(127);
    expect(findRuntime('nodejs20.x')?.language?.nodeModuleVersion).toBe(115);
    expect(findRuntime('python3.12')?.language?.pythonTag).toBe('cp312');
    expect(findRuntime('ruby3.3')?.language?.rubyAbi).toBe('3.3.0');
  });

  it('keeps glibc and the GLIBC maximum consistent', () => {
    for (const os of listOperatingSystems()) {
      expect(os.symbolVersions.GLIBC).toBe(os.glibc);
    }
  });

  it('lists each architecture loader among its libraries', () => {
    for (const os of listOperatingSystems()) {
      for (const architecture of Object.values(os.architectures)) {
        const loaderName = architecture.loader.slice(architecture.loader.lastIndexOf('/') + 1);
        expect(architecture.libraries).toContain(loaderName);
        expect(architecture.libraries).toContain('libc.so.6');
      }
    }
  });

  it('keeps libssl.so.1.1 out of every runtime', () => {
    for (const os of listOperatingSystems()) {
      for (const architecture of Object.values(os.architectures)) {
        expect(architecture.libraries).not.toContain('libssl.so.1.1');
        expect(architecture.unconfirmedLibraries).not.toContain('libssl.so.1.1');
      }
    }
  });
});
