import { describe, expect, it } from 'vitest';

import { resolveLibraries } from '../src/analysis/library-search.js';
import type { AnalyzedEntry, PackagePart } from '../src/analysis/model.js';
import { PackageFileSystem, extractedPath } from '../src/analysis/package-fs.js';
import type { ElfInfo } from '../src/elf/read-elf.js';
import { findRuntime } from '../src/runtimes/runtime.js';

const runtime = findRuntime('provided.al2023');
if (runtime === undefined) {
  throw new Error('provided.al2023 data is missing');
}

function elf(overrides: Partial<ElfInfo>): ElfInfo {
  return {
    elfClass: 64,
    byteOrder: 'little',
    type: 3,
    machine: 62,
    machineName: 'x86-64',
    interpreter: '/lib64/ld-linux-x86-64.so.2',
    needed: [],
    soname: null,
    rpath: [],
    runpath: [],
    flags1: 0,
    versionNeeds: [],
    versionDefinitions: [],
    linkage: 'dynamic',
    executable: true,
    dynamicStrings: null,
    problems: [],
    ...overrides,
  };
}

/** A function package with the given file names (and symlinks as name -> target). */
function packageOf(names: string[], symlinks: Record<string, string> = {}): { part: PackagePart; fileSystem: PackageFileSystem } {
  const part: PackagePart = { role: 'function', primary: true, location: 'function.zip', root: '/var/task', archiveSize: 0, entries: [] };
  const all = [...names, ...Object.keys(symlinks)];
  part.entries = all.map((name, index): AnalyzedEntry => ({
    part,
    path: extractedPath('/var/task', name),
    entry: {
      index,
      name,
      path: name,
      type: name in symlinks ? 'symlink' : 'file',
      permissions: 0o755,
      hostSystem: 3,
      size: 1,
      compressedSize: 1,
      compressionMethod: 0,
      crc32: null,
      encrypted: false,
      symlinkTarget: symlinks[name],
    },
  }));
  return { part, fileSystem: new PackageFileSystem([part]) };
}

describe('library search', () => {
  it('finds a runtime library', () => {
    const { part, fileSystem } = packageOf(['bootstrap']);
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libssl.so.3'] }), fileSystem, runtime, 'x86_64');
    expect(resolution).toEqual({ soname: 'libssl.so.3', status: 'runtime', confirmed: true });
  });

  it('finds a library in lib/ through LD_LIBRARY_PATH', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'lib/libgreet.so.1']);
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libgreet.so.1'] }), fileSystem, runtime, 'x86_64');
    expect(resolution.status).toBe('package');
  });

  it('does not search a folder that is on no path', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'vendor/libgreet.so.1']);
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libgreet.so.1'] }), fileSystem, runtime, 'x86_64');
    expect(resolution.status).toBe('missing');
  });

  it('expands $ORIGIN in DT_RUNPATH', () => {
    const { part, fileSystem } = packageOf(['bin/server', 'bin/../vendor/x', 'vendor/libgreet.so.1']);
    const [resolution] = resolveLibraries(
      part.entries[0],
      elf({ needed: ['libgreet.so.1'], runpath: ['$ORIGIN/../vendor'] }),
      fileSystem,
      runtime,
      'x86_64',
    );
    expect(resolution.status).toBe('package');
  });

  it('prefers the runtime copy over lib/ because /lib64 comes first on LD_LIBRARY_PATH', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'lib/libstdc++.so.6']);
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libstdc++.so.6'] }), fileSystem, runtime, 'x86_64');
    expect(resolution.status).toBe('runtime');
  });

  it('lets DT_RPATH win over LD_LIBRARY_PATH when there is no DT_RUNPATH', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'lib/libstdc++.so.6']);
    const [resolution] = resolveLibraries(
      part.entries[0],
      elf({ needed: ['libstdc++.so.6'], rpath: ['$ORIGIN/lib'] }),
      fileSystem,
      runtime,
      'x86_64',
    );
    expect(resolution.status).toBe('package');
  });

  it('ignores DT_RPATH when DT_RUNPATH is present', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'lib/libstdc++.so.6']);
    const [resolution] = resolveLibraries(
      part.entries[0],
      elf({ needed: ['libstdc++.so.6'], rpath: ['$ORIGIN/lib'], runpath: ['$ORIGIN/lib'] }),
      fileSystem,
      runtime,
      'x86_64',
    );
    expect(resolution.status).toBe('runtime');
  });

  it('follows a symlink chain inside the package', () => {
    const { part, fileSystem } = packageOf(['bootstrap', 'lib/libgreet.so.1.0.0'], { 'lib/libgreet.so.1': 'libgreet.so.1.0.0' });
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libgreet.so.1'] }), fileSystem, runtime, 'x86_64');
    expect(resolution.status).toBe('package');
  });

  it('marks a library seen only in the container image as unconfirmed', () => {
    const { part, fileSystem } = packageOf(['bootstrap']);
    const [resolution] = resolveLibraries(part.entries[0], elf({ needed: ['libcurl.so.4'] }), fileSystem, runtime, 'x86_64');
    expect(resolution).toEqual({ soname: 'libcurl.so.4', status: 'runtime', confirmed: false });
  });
});

describe('package file system', () => {
  it('stops a symlink loop', () => {
    const { fileSystem } = packageOf(['bootstrap'], { a: 'b', b: 'a' });
    expect(fileSystem.resolve('/var/task/a').status).toBe('loop');
  });

  it('reports a link that climbs out of the package', () => {
    const { fileSystem } = packageOf(['bootstrap'], { settings: '../../etc/passwd' });
    const resolution = fileSystem.resolve('/var/task/settings');
    expect(resolution.status).toBe('outside');
    expect(resolution.path).toBe('/etc/passwd');
  });
});
