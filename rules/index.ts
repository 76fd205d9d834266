import type { Rule } from '../src/engine/rule.js';
import { rule as backslashInName } from './backslash-in-name.js';
import { rule as bootstrapNotExecutable } from './bootstrap-not-executable.js';
import { rule as bootstrapNotLinuxExecutable } from './bootstrap-not-linux-executable.js';
import { rule as corruptZip } from './corrupt-zip.js';
import { rule as cxxRuntimeVersionTooNew } from './cxx-runtime-version-too-new.js';
import { rule as deprecatedRuntime } from './deprecated-runtime.js';
import { rule as duplicateEntry } from './duplicate-entry.js';
import { rule as dynamicLinkage } from './dynamic-linkage.js';
import { rule as elfWrongClass } from './elf-wrong-class.js';
import { rule as elfWrongMachine } from './elf-wrong-machine.js';
import { rule as entrypointNotReadable } from './entrypoint-not-readable.js';
import { rule as fileNotExecutable } from './file-not-executable.js';
import { rule as fileNotReadable } from './file-not-readable.js';
import { rule as foreignBinary } from './foreign-binary.js';
import { rule as glibcVersionTooNew } from './glibc-version-too-new.js';
import { rule as malformedElf } from './malformed-elf.js';
import { rule as misnamedBootstrap } from './misnamed-bootstrap.js';
import { rule as missingBootstrap } from './missing-bootstrap.js';
import { rule as missingDynamicLoader } from './missing-dynamic-loader.js';
import { rule as missingSharedLibrary } from './missing-shared-library.js';
import { rule as nestedBootstrap } from './nested-bootstrap.js';
import { rule as scriptBom } from './script-bom.js';
import { rule as scriptCrlf } from './script-crlf.js';
import { rule as scriptInterpreterMissing } from './script-interpreter-missing.js';
import { rule as symbolVersionNotFound } from './symbol-version-not-found.js';
import { rule as symlinkEntry } from './symlink-entry.js';
import { rule as symlinkOutsidePackage } from './symlink-outside-package.js';
import { rule as unreadableEntry } from './unreadable-entry.js';
import { rule as unsafePath } from './unsafe-path.js';
import { rule as unzippedSizeTooLarge } from './unzipped-size-too-large.js';
import { rule as zipTooLargeForDirectUpload } from './zip-too-large-for-direct-upload.js';

/**
 * Every rule, in code order. Codes are stable and never reused: LL0xxx the archive and the tool's own
 * failures, LL1xxx layout, entrypoint and modes, LL2xxx what an entry is, LL3xxx ELF linkage, LL4xxx the runtime.
 */
export const RULES: readonly Rule[] = [
  corruptZip,
  unreadableEntry,
  malformedElf,
  missingBootstrap,
  nestedBootstrap,
  misnamedBootstrap,
  bootstrapNotExecutable,
  fileNotExecutable,
  entrypointNotReadable,
  fileNotReadable,
  backslashInName,
  unsafePath,
  duplicateEntry,
  symlinkEntry,
  symlinkOutsidePackage,
  unzippedSizeTooLarge,
  zipTooLargeForDirectUpload,
  bootstrapNotLinuxExecutable,
  scriptCrlf,
  scriptBom,
  scriptInterpreterMissing,
  foreignBinary,
  elfWrongMachine,
  elfWrongClass,
  dynamicLinkage,
  missingDynamicLoader,
  missingSharedLibrary,
  glibcVersionTooNew,
  cxxRuntimeVersionTooNew,
  symbolVersionNotFound,
  deprecatedRuntime,
];
