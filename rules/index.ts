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
import { rule as extensionNotExecutable } from './extension-not-executable.js';
import { rule as fileNotExecutable } from './file-not-executable.js';
import { rule as fileNotReadable } from './file-not-readable.js';
import { rule as foreignBinary } from './foreign-binary.js';
import { rule as glibcVersionTooNew } from './glibc-version-too-new.js';
import { rule as handlerNested } from './handler-nested.js';
import { rule as handlerNotFound } from './handler-not-found.js';
import { rule as javaClassVersionTooNew } from './java-class-version-too-new.js';
import { rule as layerLayout } from './layer-layout.js';
import { rule as malformedElf } from './malformed-elf.js';
import { rule as misnamedBootstrap } from './misnamed-bootstrap.js';
import { rule as missingBootstrap } from './missing-bootstrap.js';
import { rule as missingDynamicLoader } from './missing-dynamic-loader.js';
import { rule as missingPlatformPackage } from './missing-platform-package.js';
import { rule as missingSharedLibrary } from './missing-shared-library.js';
import { rule as muslLinked } from './musl-linked.js';
import { rule as nativeModuleNotLinux } from './native-module-not-linux.js';
import { rule as nestedBootstrap } from './nested-bootstrap.js';
import { rule as nestedZip } from './nested-zip.js';
import { rule as nodeAbiMismatch } from './node-abi-mismatch.js';
import { rule as npmPlatformMismatch } from './npm-platform-mismatch.js';
import { rule as pythonExtensionMismatch } from './python-extension-mismatch.js';
import { rule as pythonWheelPlatform } from './python-wheel-platform.js';
import { rule as rubyAbiMismatch } from './ruby-abi-mismatch.js';
import { rule as rubyPlatformMismatch } from './ruby-platform-mismatch.js';
import { rule as scriptBom } from './script-bom.js';
import { rule as scriptCrlf } from './script-crlf.js';
import { rule as scriptInterpreterMissing } from './script-interpreter-missing.js';
import { rule as symbolVersionNotFound } from './symbol-version-not-found.js';
import { rule as symlinkEntry } from './symlink-entry.js';
import { rule as symlinkOutsidePackage } from './symlink-outside-package.js';
import { rule as tooManyLayers } from './too-many-layers.js';
import { rule as unreadableEntry } from './unreadable-entry.js';
import { rule as unsafePath } from './unsafe-path.js';
import { rule as unzippedSizeTooLarge } from './unzipped-size-too-large.js';
import { rule as zipTooLargeForDirectUpload } from './zip-too-large-for-direct-upload.js';

/**
 * Every rule, in code order. Codes are stable and never reused.
 * LL0xxx: the archive and the tool's own failures. LL1xxx: layout, entrypoint and modes.
 * LL2xxx: what an entry is. LL3xxx: ELF linkage. LL4xxx: the runtime.
 * LL5xxx: language packages (LL50xx Python, LL51xx Node.js, LL52xx Ruby, LL53xx Java).
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
  handlerNotFound,
  handlerNested,
  extensionNotExecutable,
  layerLayout,
  tooManyLayers,
  nestedZip,
  bootstrapNotLinuxExecutable,
  scriptCrlf,
  scriptBom,
  scriptInterpreterMissing,
  foreignBinary,
  nativeModuleNotLinux,
  elfWrongMachine,
  elfWrongClass,
  dynamicLinkage,
  missingDynamicLoader,
  missingSharedLibrary,
  glibcVersionTooNew,
  cxxRuntimeVersionTooNew,
  symbolVersionNotFound,
  muslLinked,
  deprecatedRuntime,
  pythonExtensionMismatch,
  pythonWheelPlatform,
  nodeAbiMismatch,
  npmPlatformMismatch,
  missingPlatformPackage,
  rubyAbiMismatch,
  rubyPlatformMismatch,
  javaClassVersionTooNew,
];
