import type { CompatibilityResult } from './analysis/compatibility.js';
import type { SuppressedFinding } from './config/ignores.js';
import type { IgnoreEntry } from './config/load-config.js';
import type { Finding, Severity } from './engine/rule.js';
import type { ElfLinkage } from './elf/read-elf.js';
import type { ContentFormat } from './content/classify.js';
import type { Architecture } from './runtimes/runtime.js';

/** Version of the JSON report layout; it changes only when a field changes meaning or goes away. */
export const REPORT_FORMAT_VERSION = 1;

export interface ElfSummary {
  elfClass: 32 | 64;
  byteOrder: 'little' | 'big';
  machine: number;
  machineName: string;
  /** e_type: 2 = ET_EXEC, 3 = ET_DYN. */
  type: number;
  linkage: ElfLinkage;
  interpreter: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** Versions needed per library, as `{ file, versions }`. */
  versionNeeds: Array<{ file: string; versions: string[] }>;
  /** Highest version needed per namespace, e.g. `{ GLIBC: 'GLIBC_2.28' }`. */
  highestVersions: Record<string, string>;
  problems: string[];
}

export interface EntrySummary {
  name: string;
  /** Extracted path on Lambda, or null for absolute and `..` names. */
  path: string | null;
  type: 'file' | 'directory' | 'symlink';
  /** Octal permissions such as `0755`, or null when the zip records no Unix mode. */
  mode: string | null;
  size: number;
  format: ContentFormat | null;
  /** One line on what the entry is, e.g. `ELF 64-bit x86-64, dynamic, needs GLIBC_2.34, 2 libraries`. */
  description: string;
  /** Layer location for entries of a layer, null for the function's own entries. */
  layer: string | null;
  symlinkTarget?: string;
  elf?: ElfSummary;
  readError?: string;
}

/** The template function an artifact is the package of. */
export interface ArtifactFunction {
  /** The resource's logical id, e.g. `OrdersFunction`. */
  logicalId: string;
  /** The template it was read from. */
  template: string;
  /** Facts about how it was read, e.g. a layer that is not local and was left out. */
  notes: string[];
}

/** A template function that was not linted, with the reason. */
export interface SkippedFunction {
  logicalId: string;
  template: string;
  reason: string;
}

export interface ArtifactReport {
  path: string;
  /** The template function this artifact is the package of, or null for a path named on its own. */
  function: ArtifactFunction | null;
  /** `file` when the path is a single ELF file or `#!` script, linted as a package whose only entry is `bootstrap`; null when unreadable. */
  kind: 'zip' | 'directory' | 'file' | null;
  runtime: string;
  architecture: Architecture;
  layers: string[];
  /** Set when the artifact is no package at all (missing, not a zip); the CLI exits 2. */
  inputError: string | null;
  /** Path Lambda would execute, or null. */
  entrypoint: string | null;
  /** Path of the file the entrypoint resolves to through symlinks, e.g. /var/task/bin/server; null when none. */
  entrypointFile: string | null;
  /** One line describing the entrypoint, e.g. `bootstrap  ELF 64-bit x86-64, dynamic, needs GLIBC_2.28, 4 libraries`. */
  entrypointDescription: string | null;
  /** Whether the package's native code loads on each runtime of the same family and architecture. */
  compatibility: CompatibilityResult[];
  /** The same as one line, e.g. `runs on provided.al2023 (x86_64); not on provided.al2: bootstrap needs GLIBC_2.34`. */
  compatibilitySummary: string | null;
  entries: EntrySummary[];
  findings: Finding[];
  /** Findings that an ignore entry of the configuration matched; not counted, and left out of SARIF unless asked for. */
  suppressedFindings: SuppressedFinding[];
  counts: Record<Severity, number>;
}

export interface LintReport {
  formatVersion: typeof REPORT_FORMAT_VERSION;
  tool: { name: 'lambda-lint'; version: string };
  artifacts: ArtifactReport[];
  counts: Record<Severity, number>;
  /** Number of artifacts that are no package at all (their `inputError` gives the reason); the CLI exits 2 when it is not 0. */
  unreadableArtifacts: number;
  /** Ignore entries of the configuration that matched no finding. */
  unusedIgnores: IgnoreEntry[];
  /** Template functions that were not linted (an S3 CodeUri, a Runtime from a Parameter); the CLI exits 2 only when every function was skipped. */
  skippedFunctions: SkippedFunction[];
}
