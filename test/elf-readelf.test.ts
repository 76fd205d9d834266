import { execFileSync } from 'node:child_process';
import { openSync, readSync, closeSync, readdirSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { FileSource } from '../src/archive/directory-archive.js';
import { readElf, type ElfInfo } from '../src/elf/read-elf.js';

/**
 * Differential test: the ELF reader must agree with binutils' readelf on every ELF file under
 * /usr/bin and /usr/lib. readelf reads section headers where we read the dynamic segment, so the
 * two are independent routes to the same facts.
 */

const ROOTS = ['/usr/bin', '/usr/lib'];

/** readelf's names for e_machine values. */
const READELF_MACHINES = new Map<string, number>([
  ['Advanced Micro Devices X86-64', 62],
  ['AArch64', 183],
  ['Intel 80386', 3],
  ['ARM', 40],
]);

function hasReadelf(): boolean {
  try {
    execFileSync('readelf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function listElfFiles(): string[] {
  const files: string[] = [];
  const pending = [...ROOTS];

  while (pending.length > 0) {
    const directory = pending.pop() as string;
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }

    for (const name of names) {
      const path = join(directory, name);
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (stats === undefined || stats.isSymbolicLink()) {
        continue;
      }
      if (stats.isDirectory()) {
        pending.push(path);
      } else if (stats.isFile() && stats.size >= 64 && startsWithElfMagic(path)) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

function startsWithElfMagic(path: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(4);
    readSync(descriptor, head, 0, 4, 0);
    return head.toString('latin1') === '\x7fELF';
  } finally {
    closeSync(descriptor);
  }
}

interface ReadelfFacts {
  elfClass: 32 | 64;
  machine: number | undefined;
  interpreter: string | null;
  needed: string[];
  versionNeeds: Map<string, string[]>;
}

function readelfFacts(path: string): ReadelfFacts {
  const output = execFileSync('readelf', ['-W', '-h', '-l', '-d', '-V', path], {
    encoding: 'latin1',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });

  const facts: ReadelfFacts = {
    elfClass: /Class:\s+ELF32/.test(output) ? 32 : 64,
    machine: READELF_MACHINES.get(/Machine:\s+(.+)/.exec(output)?.[1]?.trim() ?? ''),
    interpreter: /\[Requesting program interpreter: (.*)\]/.exec(output)?.[1] ?? null,
    needed: [...output.matchAll(/\(NEEDED\)\s+Shared library: \[(.*)\]/g)].map((match) => match[1]),
    versionNeeds: new Map(),
  };

  const needsSection = output.split(/Version needs section/)[1];
  if (needsSection !== undefined) {
    let currentFile: string | null = null;
    for (const line of needsSection.split('\n')) {
      const fileMatch = /File: (\S+)\s+Cnt:/.exec(line);
      if (fileMatch !== null) {
        currentFile = fileMatch[1];
        facts.versionNeeds.set(currentFile, []);
        continue;
      }
      const nameMatch = /Name: (\S+)\s+Flags:/.exec(line);
      if (nameMatch !== null && currentFile !== null) {
        facts.versionNeeds.get(currentFile)?.push(nameMatch[1]);
      }
    }
  }
  return facts;
}

function ourVersionNeeds(info: ElfInfo): Map<string, string[]> {
  const needs = new Map<string, string[]>();
  for (const need of info.versionNeeds) {
    needs.set(
      need.file,
      need.versions.map((version) => version.name),
    );
  }
  return needs;
}

const readelfAvailable = hasReadelf();

describe.skipIf(!readelfAvailable)('ELF reader against readelf', () => {
  const files = readelfAvailable ? listElfFiles() : [];

  it('finds ELF files to compare', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('agrees on every ELF under /usr/bin and /usr/lib', { timeout: 600_000 }, async () => {
    const disagreements: string[] = [];

    for (const path of files) {
      const expected = readelfFacts(path);
      const source = new FileSource(path, lstatSync(path).size);
      const info = await readElf(source);
      source.close();

      const actual = {
        elfClass: info.elfClass,
        machine: expected.machine === undefined ? undefined : info.machine,
        interpreter: info.interpreter,
        needed: info.needed,
        versionNeeds: Object.fromEntries(ourVersionNeeds(info)),
      };
      const readelfView = { ...expected, versionNeeds: Object.fromEntries(expected.versionNeeds) };

      if (JSON.stringify(actual) !== JSON.stringify(readelfView)) {
        disagreements.push(`${path}\n  readelf: ${JSON.stringify(readelfView)}\n  ours:    ${JSON.stringify(actual)}`);
      }
    }

    expect(disagreements.slice(0, 10).join('\n')).toBe('');
    expect(disagreements).toHaveLength(0);
  });
});
