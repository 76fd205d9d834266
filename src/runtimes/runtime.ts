import provided from './data/provided.json' with { type: 'json' };
import providedAl2 from './data/provided.al2.json' with { type: 'json' };
import providedAl2023 from './data/provided.al2023.json' with { type: 'json' };

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

/** One Lambda runtime as a data file describes it. */
export interface RuntimeInfo {
  id: string;
  family: string;
  os: string;
  glibc: string;
  /** File name Lambda executes at the package root (custom runtimes). */
  entrypoint: string;
  architectures: Partial<Record<Architecture, RuntimeArchitecture>>;
  /** Highest version per namespace that every current execution environment of the runtime has. */
  symbolVersions: Record<VersionNamespace, string | null>;
  /** Highest versions seen in newer builds of the runtime, or null when none are known. */
  symbolVersionsLatestObserved: Record<VersionNamespace, string | null> | null;
  programs: { present: string[]; absent: string[] };
  /** LD_LIBRARY_PATH as Lambda sets it, in search order. */
  libraryPath: string[];
  /** Directories that hold `libraries`; ld.so also searches them after LD_LIBRARY_PATH and DT_RUNPATH. */
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

const RUNTIMES: RuntimeInfo[] = [providedAl2023, providedAl2, provided] as RuntimeInfo[];

/** Every runtime lambda-lint has data for, newest first. */
export function listRuntimes(): readonly RuntimeInfo[] {
  return RUNTIMES;
}

export function findRuntime(id: string): RuntimeInfo | undefined {
  return RUNTIMES.find((runtime) => runtime.id === id);
}
