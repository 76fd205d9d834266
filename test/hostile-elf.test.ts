import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  DT_DEBUG,
  DT_NEEDED,
  DT_NULL,
  DT_STRSZ,
  DT_STRTAB,
  DT_VERNEED,
  DT_VERNEEDNUM,
  EHDR,
  PHDR,
  PT_DYNAMIC,
  PT_INTERP,
  PT_LOAD,
  addressToOffset,
  dynamicEntries,
  dynamicEntry,
  programHeader,
  programHeaders,
} from './support/elf-fields.js';
import { expectWellBehaved, makeWorkDir, removeWorkDir, runGuarded, type GuardedRun } from './support/hostile.js';
import { buildZip } from './support/zip-writer.js';

/**
 * Malformed ELF files as the `bootstrap` of a zip and of a package folder, patched from a real
 * fixture binary. test/elf-malformed.test.ts checks the same defects on hand-made files through
 * readElf alone. These tests check that the built CLI turns each into a finding, or into none for
 * a defect the kernel ignores, without a stack trace, a new file or unbounded time or memory.
 */

/** Dynamic PIE that needs libc.so.6 with GLIBC_2.34, so it passes on provided.al2023 (the default runtime). */
const ORIGINAL = readFileSync('fixtures/bin/hello-glibc234-x86_64');
const TODAY = ['--today', '2026-12-04'];

/** Elf64_Verneed: vn_aux at byte 8, vn_next at 12. Elf64_Vernaux: vna_next at byte 12. */
const VN_AUX = 8;
const VN_NEXT = 12;
const VNA_NEXT = 12;

/** A vn_next or vna_next of 0xfffffff0: -16 if a reader took it as signed, so it points back. */
const BACKWARDS_NEXT = 0xfffffff0;

function patched(edit: (elf: Buffer) => void): Buffer {
  const elf = Buffer.from(ORIGINAL);
  edit(elf);
  return elf;
}

function setXword(elf: Buffer, offset: number, value: number | bigint): void {
  elf.writeBigUInt64LE(BigInt(value), offset);
}

/** File offset of the first Elf64_Verneed record, found through DT_VERNEED. */
function verneedOffset(elf: Buffer): number {
  return addressToOffset(elf, dynamicEntry(elf, DT_VERNEED).value);
}

interface ElfCase {
  name: string;
  build: () => Buffer;
  /** Text the first reported ELF problem contains; null when the file must read as sound. */
  problem: string | null;
}

const CASES: ElfCase[] = [
  {
    name: 'absurd e_phnum',
    build: () => patched((elf) => elf.writeUInt16LE(0xffff, EHDR.phnum)),
    problem: 'program header table',
  },
  {
    // The kernel and ld.so never read section headers, so broken ones do not stop the start.
    name: 'absurd e_shnum and e_shoff',
    build: () =>
      patched((elf) => {
        elf.writeUInt16LE(0xffff, EHDR.shnum);
        setXword(elf, EHDR.shoff, 0xffff_ffff_ff00n);
      }),
    problem: null,
  },
  {
    name: 'e_phoff past the end of the file',
    build: () => patched((elf) => setXword(elf, EHDR.phoff, ORIGINAL.length + 4096)),
    problem: 'program header table',
  },
  {
    name: 'PT_LOAD offset past the end of the file',
    build: () => patched((elf) => setXword(elf, programHeaders(elf).filter((header) => header.type === PT_LOAD)[1].at + PHDR.offset, ORIGINAL.length + 4096)),
    problem: 'PT_LOAD segment 3',
  },
  {
    name: 'PT_LOAD size past the end of the file',
    build: () => patched((elf) => setXword(elf, programHeaders(elf).filter((header) => header.type === PT_LOAD)[1].at + PHDR.filesz, 1n << 40n)),
    problem: 'PT_LOAD segment 3',
  },
  {
    name: 'PT_DYNAMIC past the end of the file',
    build: () => patched((elf) => setXword(elf, programHeader(elf, PT_DYNAMIC).at + PHDR.offset, ORIGINAL.length - 8)),
    problem: 'PT_DYNAMIC extends past the end of the file',
  },
  {
    name: 'PT_INTERP past the end of the file',
    build: () => patched((elf) => setXword(elf, programHeader(elf, PT_INTERP).at + PHDR.offset, ORIGINAL.length + 100)),
    problem: 'PT_INTERP extends past the end of the file',
  },
  {
    // The text PT_LOAD now maps the whole file at address 0, over the other segments. lambda-lint
    // reads such a file as sound. NOTE: how the kernel treats overlapping PT_LOAD addresses was not checked.
    name: 'overlapping PT_LOAD segments',
    build: () =>
      patched((elf) => {
        const text = programHeaders(elf).filter((header) => header.type === PT_LOAD)[1];
        setXword(elf, text.at + PHDR.offset, 0);
        setXword(elf, text.at + PHDR.vaddr, 0);
        setXword(elf, text.at + PHDR.filesz, ORIGINAL.length);
        setXword(elf, text.at + PHDR.memsz, ORIGINAL.length);
      }),
    problem: null,
  },
  {
    name: 'dynamic section without DT_NULL',
    build: () =>
      patched((elf) => {
        for (const entry of dynamicEntries(elf).filter((candidate) => candidate.tag === DT_NULL)) {
          setXword(elf, entry.at, DT_DEBUG);
        }
      }),
    problem: 'dynamic section has no DT_NULL terminator',
  },
  {
    name: 'DT_NEEDED offset past the string table',
    build: () => patched((elf) => setXword(elf, dynamicEntry(elf, DT_NEEDED).at + 8, 0x10000)),
    problem: 'past the end of the dynamic string table',
  },
  {
    name: 'DT_NEEDED past the file with a huge DT_STRSZ',
    build: () =>
      patched((elf) => {
        setXword(elf, dynamicEntry(elf, DT_STRSZ).at + 8, 0xffffffff);
        setXword(elf, dynamicEntry(elf, DT_NEEDED).at + 8, 0x7fff0000);
      }),
    problem: 'past the end of the dynamic string table',
  },
  {
    name: 'DT_STRTAB outside every PT_LOAD',
    build: () => patched((elf) => setXword(elf, dynamicEntry(elf, DT_STRTAB).at + 8, 0x7fff0000)),
    problem: 'DT_STRTAB address 0x7fff0000 is not inside any PT_LOAD segment',
  },
  {
    // On ELF64, vn_next is an unsigned 32-bit offset: "back" is 4 GiB ahead, outside the file.
    name: 'vn_next pointing back',
    build: () =>
      patched((elf) => {
        setXword(elf, dynamicEntry(elf, DT_VERNEEDNUM).at + 8, 0xffff);
        elf.writeUInt32LE(BACKWARDS_NEXT, verneedOffset(elf) + VN_NEXT);
      }),
    problem: 'version need record at byte',
  },
  {
    name: 'vna_next pointing back',
    build: () =>
      patched((elf) => {
        const record = verneedOffset(elf);
        const firstAux = record + elf.readUInt32LE(record + VN_AUX);
        elf.writeUInt32LE(BACKWARDS_NEXT, firstAux + VNA_NEXT);
      }),
    problem: 'version need auxiliary record at byte',
  },
  {
    name: 'DT_VERNEED outside every PT_LOAD',
    build: () => patched((elf) => setXword(elf, dynamicEntry(elf, DT_VERNEED).at + 8, 0x7fff0000)),
    problem: 'DT_VERNEED address is not inside any PT_LOAD segment',
  },
  {
    name: 'vn_aux pointing outside the file',
    build: () => patched((elf) => elf.writeUInt32LE(0x7fff0000, verneedOffset(elf) + VN_AUX)),
    problem: 'version need auxiliary record at byte',
  },
  {
    name: 'file cut inside the ELF header',
    build: () => ORIGINAL.subarray(0, 40),
    problem: 'ends inside the ELF header',
  },
  {
    name: 'file cut inside the program header table',
    build: () => ORIGINAL.subarray(0, 64 + 56 * 5 + 20),
    problem: 'program header table',
  },
];

interface EntryJson {
  name: string;
  elf?: { problems: string[]; needed: string[] };
}

interface ReportJson {
  artifacts: Array<{ entries: EntryJson[]; findings: Array<{ ruleName: string; entry: string | null; severity: string }> }>;
}

let workDir: string;

beforeAll(() => {
  workDir = makeWorkDir('hostile-elf');
});

afterAll(() => {
  removeWorkDir(workDir);
});

/** Writes `elf` as the bootstrap of a zip or of a folder in the work directory, and lints it. */
function lintBootstrap(label: string, elf: Buffer, packaging: 'zip' | 'folder'): GuardedRun {
  const safeLabel = label.replaceAll(/[^a-z0-9]+/gi, '-');
  let target: string;
  if (packaging === 'zip') {
    target = `${safeLabel}.zip`;
    writeFileSync(join(workDir, target), buildZip([{ name: 'bootstrap', data: elf, method: 8, mode: 0o100755 }]).bytes);
  } else {
    target = `${safeLabel}-folder`;
    mkdirSync(join(workDir, target));
    writeFileSync(join(workDir, target, 'bootstrap'), elf);
    chmodSync(join(workDir, target, 'bootstrap'), 0o755);
  }
  return runGuarded([...TODAY, '--format', 'json', target], workDir);
}

function bootstrapOf(run: GuardedRun): { entry: EntryJson | undefined; findings: ReportJson['artifacts'][0]['findings'] } {
  const artifact = (JSON.parse(run.stdout) as ReportJson).artifacts[0];
  return { entry: artifact.entries.find((entry) => entry.name === 'bootstrap'), findings: artifact.findings };
}

describe('malformed ELF bootstrap', () => {
  it('passes the unchanged fixture binary', () => {
    const run = lintBootstrap('original', ORIGINAL, 'zip');
    expectWellBehaved(run, 0);
    expect(bootstrapOf(run).entry?.elf?.problems).toEqual([]);
  });

  describe.each(['zip', 'folder'] as const)('in a %s', (packaging) => {
    it.each(CASES.map((elfCase) => [elfCase.name, elfCase] as const))('%s', (_name, elfCase) => {
      const run = lintBootstrap(`${elfCase.name}-${packaging}`, elfCase.build(), packaging);
      const { entry, findings } = bootstrapOf(run);

      if (elfCase.problem === null) {
        expectWellBehaved(run, 0);
        expect(entry?.elf?.problems).toEqual([]);
        expect(entry?.elf?.needed).toEqual(['libc.so.6']);
        return;
      }

      expectWellBehaved(run, 1);
      expect(entry?.elf?.problems[0]).toContain(elfCase.problem);
      const malformed = findings.find((finding) => finding.ruleName === 'malformed-elf');
      expect(malformed?.entry).toBe('bootstrap');
      expect(malformed?.severity).toBe('error');
    });
  });
});
