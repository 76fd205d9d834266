import type { RuntimeInfo } from '../runtimes/runtime.js';

/** Handler values Lambda fills in when a function is created without one (the console's defaults). */
const DEFAULT_HANDLERS: Partial<Record<RuntimeInfo['family'], string>> = {
  nodejs: 'index.handler',
  python: 'lambda_function.lambda_handler',
  ruby: 'lambda_function.lambda_handler',
};

/** Candidate files for the handler's code, in the order the runtime tries them. */
export interface HandlerTarget {
  /** The Handler value used, given or defaulted. */
  handler: string;
  /** Absolute candidate paths inside /var/task (and /opt for Python layers), in the runtime's order. */
  candidates: string[];
  /** For Java: the class file inside a jar, e.g. `com/example/Handler.class`. */
  classFile?: string;
  /** Short description of what the runtime loads, e.g. `one of index.js, index.mjs or index.cjs`. */
  description: string;
}

export function effectiveHandler(runtime: RuntimeInfo, handler: string | null): string | null {
  if (handler !== null && handler !== '') {
    return handler;
  }
  return DEFAULT_HANDLERS[runtime.family] ?? null;
}

/**
 * Turns a Handler value into the files the runtime would load. Returns null for custom runtimes and
 * for a value that names no file (then the handler rules report it).
 */
export function handlerTarget(runtime: RuntimeInfo, handlerValue: string | null): HandlerTarget | null {
  const handler = effectiveHandler(runtime, handlerValue);
  if (handler === null) {
    return null;
  }

  switch (runtime.family) {
    case 'go':
      return { handler, candidates: [`/var/task/${handler}`], description: handler };
    case 'nodejs':
      return nodeTarget(handler);
    case 'python':
      return pythonTarget(handler, runtime);
    case 'ruby':
      return rubyTarget(handler);
    case 'java':
      return javaTarget(handler);
    case 'dotnet':
      return dotnetTarget(handler);
    default:
      return null;
  }
}

/**
 * `dir/file.export`: as the Node.js runtime interface client splits it, the module is the folder
 * plus the file name up to its first dot (`index.handlers.main` loads index), tried as is and with
 * .js, .mjs and .cjs.
 */
function nodeTarget(handler: string): HandlerTarget | null {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot <= slash + 1) {
    return null;
  }
  const module = handler.slice(0, dot);
  const extensions = ['.js', '.mjs', '.cjs', ''];
  return {
    handler,
    candidates: extensions.map((extension) => `/var/task/${module}${extension}`),
    description: `one of ${module}.js, ${module}.mjs or ${module}.cjs`,
  };
}

/** `pkg.module.function`: the module path before the last dot, as a .py file or a package's __init__.py. */
function pythonTarget(handler: string, runtime: RuntimeInfo): HandlerTarget | null {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) {
    return null;
  }
  const modulePath = handler.slice(0, dot).replaceAll('.', '/');
  const version = runtime.language?.version ?? '';
  const roots = ['/var/task', '/opt/python', `/opt/python/lib/python${version}/site-packages`];
  const candidates = roots.flatMap((root) => [`${root}/${modulePath}.py`, `${root}/${modulePath}/__init__.py`]);
  return { handler, candidates, description: `${modulePath}.py` };
}

/** `file.method` or `file.Module::Class.method`: the file is the part before the first dot. */
function rubyTarget(handler: string): HandlerTarget | null {
  const lastSlash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', lastSlash + 1);
  if (dot <= 0) {
    return null;
  }
  const file = handler.slice(0, dot);
  return { handler, candidates: [`/var/task/${file}.rb`], description: `${file}.rb` };
}

/** `package.Class::method` or `package.Class`: a class file at the root or in a jar under lib/. */
function javaTarget(handler: string): HandlerTarget {
  const className = handler.split('::')[0];
  const classFile = `${className.replaceAll('.', '/')}.class`;
  return { handler, candidates: [`/var/task/${classFile}`], classFile, description: classFile };
}

/** `Assembly::Namespace.Class::Method`: the assembly's DLL at the root. */
function dotnetTarget(handler: string): HandlerTarget | null {
  const assembly = handler.split('::')[0];
  if (assembly === '') {
    return null;
  }
  return { handler, candidates: [`/var/task/${assembly}.dll`], description: `${assembly}.dll` };
}
