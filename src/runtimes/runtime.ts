import al1 from './data/os/al1.json' with { type: 'json' };
import al2 from './data/os/al2.json' with { type: 'json' };
import al2023 from './data/os/al2023.json' with { type: 'json' };
import runtimeRecords from './data/runtimes.json' with { type: 'json' };

/** Lambda's two instruction set architectures, as the Architectures property spells them. */
export type Architecture = 'x86_64' | 'arm64';

export const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64'];

export interface RuntimeArchitecture {
  /** The dynamic loader path a dynamically linked executable must name in PT_INTERP. */
  loader: string;
  /** Sonames confirmed present in the runtime's library directories. */
  libraries: string[];
  /** Sonames the runtime probably has (seen in its container image, or in its predecessor) without confirmation for the zip runtime. */
  unconfirmedLibraries: string[];
}

/** Version-node namespaces compared against the runtime: GLIBC_2.28, GLIBCXX_3.4.26, ... */
export type VersionNamespace = 'GLIBC' | 'GLIBCXX' | 'CXXABI' | 'GCC' | 'OPENSSL';

/** Language runtimes, and `provided` for custom runtimes. */
export type RuntimeFamily = 'provided' | 'go' | 'nodejs' | 'python' | 'ruby' | 'java' | 'dotnet';

/**
 * Model by which Lambda finds the code to run: `bootstrap` (custom runtimes run /var/task/bootstrap or
 * /opt/bootstrap), `executable` (go1.x runs the file Handler names), `module` (the runtime's own
 * bootstrap loads the module Handler names).
 */
export type HandlerModel = 'bootstrap' | 'executable' | 'module';

/** Facts of one Amazon Linux release that every runtime built on it shares. */
export interface OperatingSystemInfo {
  id: string;
  name: string;
  glibc: string;
  architectures: Partial<Record<Architecture, RuntimeArchitecture>>;
  /** Highest version per namespace that every current execution environment has. */
  symbolVersions: Record<VersionNamespace, string | null>;
  /** Highest versions seen in newer builds, or null when none are known. */
  symbolVersionsLatestObserved: Record<VersionNamespace, string | null> | null;
  programs: { present: string[]; absent: string[] };
  /** Directories that hold `libraries`; ld.so also searches them after LD_LIBRARY_PATH and DT_RUNPATH. */
  systemLibraryDirectories: string[];
  sources: Record<string, string>;
  unconfirmed: string[];
}

export interface LanguageInfo {
  name: string;
  version: string;
  /** NODE_MODULE_VERSION of the runtime's Node.js, for non-N-API addons. */
  nodeModuleVersion?: number;
  /** CPython tag, e.g. `cp312`. */
  pythonTag?: string;
  /** Ruby ABI version, the folder name under vendor/bundle/ruby/, e.g. `3.3.0`. */
  rubyAbi?: string;
}

interface RuntimeRecord {
  id: string;
  family: RuntimeFamily;
  os: string;
  architectures: Architecture[];
  handler: HandlerModel;
  language?: LanguageInfo;
  lifecycle: RuntimeInfo['lifecycle'];
  sources: Record<string, string>;
  unconfirmed?: string[];
}

/** One Lambda runtime: its own record merged with the facts of its operating system. */
export interface RuntimeInfo {
  id: string;
  family: RuntimeFamily;
  /** Name of the operating system, e.g. `Amazon Linux 2023`. */
  os: string;
  osId: string;
  glibc: string;
  handler: HandlerModel;
  /** File name Lambda executes at the package root, for custom runtimes; null for the others. */
  entrypoint: string | null;
  language: LanguageInfo | null;
  architectures: Partial<Record<Architecture, RuntimeArchitecture>>;
  symbolVersions: Record<VersionNamespace, string | null>;
  symbolVersionsLatestObserved: Record<VersionNamespace, string | null> | null;
  programs: { present: string[]; absent: string[] };
  /** LD_LIBRARY_PATH as Lambda sets it, in search order. */
  libraryPath: string[];
  systemLibraryDirectories: string[];
  lifecycle: {
    deprecation: string | null;
    blockCreate: string | null;
    blockUpdate: string | null;
    successor: string | null;
  };
  sources: Record<string, string>;
  unconfirmed: string[];
}

/**
 * LD_LIBRARY_PATH in every runtime's environment: the ENV line of the Dockerfiles in
 * aws/aws-lambda-base-images (provided.al2023, provided.al2, python3.12, go1.x; 2024-10 snapshot).
 */
const LIBRARY_PATH = ['/var/lang/lib', '/lib64', '/usr/lib64', '/var/runtime', '/var/runtime/lib', '/var/task', '/var/task/lib', '/opt/lib'];

const OPERATING_SYSTEMS = new Map<string, OperatingSystemInfo>(
  ([al2023, al2, al1] as OperatingSystemInfo[]).map((os) => [os.id, os]),
);

function mergeRuntime(record: RuntimeRecord): RuntimeInfo {
  const os = OPERATING_SYSTEMS.get(record.os);
  if (os === undefined) {
    throw new Error(`runtime data: ${record.id} names unknown OS "${record.os}"`);
  }

  const architectures: Partial<Record<Architecture, RuntimeArchitecture>> = {};
  for (const architecture of record.architectures) {
    const facts = os.architectures[architecture];
    if (facts === undefined) {
      throw new Error(`runtime data: ${record.id} runs on ${architecture}, which ${os.id} has no facts for`);
    }
    architectures[architecture] = facts;
  }

  return {
    id: record.id,
    family: record.family,
    os: os.name,
    osId: os.id,
    glibc: os.glibc,
    handler: record.handler,
    entrypoint: record.handler === 'bootstrap' ? 'bootstrap' : null,
    language: record.language ?? null,
    architectures,
    symbolVersions: os.symbolVersions,
    symbolVersionsLatestObserved: os.symbolVersionsLatestObserved,
    programs: os.programs,
    libraryPath: LIBRARY_PATH,
    systemLibraryDirectories: os.systemLibraryDirectories,
    lifecycle: record.lifecycle,
    sources: { ...os.sources, ...record.sources },
    unconfirmed: [...os.unconfirmed, ...(record.unconfirmed ?? [])],
  };
}

const RUNTIMES: RuntimeInfo[] = (runtimeRecords as RuntimeRecord[]).map(mergeRuntime);

/** Returns every runtime lambda-lint has data for, in the order of the data file. */
export function listRuntimes(): readonly RuntimeInfo[] {
  return RUNTIMES;
}

export function findRuntime(id: string): RuntimeInfo | undefined {
  return RUNTIMES.find((runtime) => runtime.id === id);
}

export function listOperatingSystems(): readonly OperatingSystemInfo[] {
  return [...OPERATING_SYSTEMS.values()];
}
