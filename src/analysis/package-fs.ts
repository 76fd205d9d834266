import type { AnalyzedEntry, PackagePart } from './model.js';

/** Linux follows at most 40 symlinks while resolving one path (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

export type PathResolution =
  | { status: 'found'; path: string; entry: AnalyzedEntry; symlinks: AnalyzedEntry[] }
  | { status: 'directory'; path: string; symlinks: AnalyzedEntry[] }
  | { status: 'missing'; path: string; symlinks: AnalyzedEntry[] }
  | { status: 'outside'; path: string; symlinks: AnalyzedEntry[] }
  | { status: 'loop'; path: string; symlinks: AnalyzedEntry[] };

/**
 * Computes where an entry lands when Lambda extracts it under `root`. Leading `./` and empty
 * components are dropped, a backslash stays part of the name (Lambda's extractor does not treat it as
 * a separator), and names that are absolute or contain `..` get no place.
 */
export function extractedPath(root: string, entryPath: string): string | null {
  if (entryPath.startsWith('/')) {
    return null;
  }

  const components = entryPath.split('/').filter((component) => component !== '' && component !== '.');
  if (components.includes('..')) {
    return null;
  }
  if (components.length === 0) {
    return root;
  }
  return `${root}/${components.join('/')}`;
}

/** The merged view of /var/task and /opt after Lambda extracts the function and its layers. */
export class PackageFileSystem {
  private readonly nodes = new Map<string, AnalyzedEntry>();
  private readonly directories = new Set<string>();
  private readonly roots: string[];

  /** Adds the parts in order; a later entry with the same path replaces an earlier one, as extraction does. */
  constructor(parts: PackagePart[]) {
    this.roots = [...new Set(parts.map((part) => part.root))];

    for (const part of parts) {
      this.addParents(part.root);
      this.directories.add(part.root);
      for (const analyzed of part.entries) {
        if (analyzed.path === null) {
          continue;
        }
        this.addParents(analyzed.path);
        if (analyzed.entry.type === 'directory') {
          this.directories.add(analyzed.path);
        }
        this.nodes.set(analyzed.path, analyzed);
      }
    }
  }

  /** Returns every extracted entry, after later layers replaced earlier ones. */
  entries(): AnalyzedEntry[] {
    return [...this.nodes.values()];
  }

  /** Returns the entry extracted at exactly this path, without following symlinks. */
  entryAt(path: string): AnalyzedEntry | undefined {
    return this.nodes.get(path);
  }

  isInside(path: string): boolean {
    return this.roots.some((root) => path === root || path.startsWith(`${root}/`));
  }

  /** Resolves an absolute path component by component, following symlinks inside the package. */
  resolve(path: string): PathResolution {
    const symlinks: AnalyzedEntry[] = [];
    let pending = splitPath(path);
    let resolved: string[] = [];
    let hops = 0;

    while (pending.length > 0) {
      const component = pending[0];
      pending = pending.slice(1);

      if (component === '..') {
        resolved = resolved.slice(0, -1);
        continue;
      }

      const candidate = `/${[...resolved, component].join('/')}`;
      const node = this.nodes.get(candidate);

      if (node !== undefined && node.entry.type === 'symlink') {
        hops += 1;
        if (hops > MAX_SYMLINK_HOPS) {
          return { status: 'loop', path: candidate, symlinks };
        }
        symlinks.push(node);

        const target = node.entry.symlinkTarget ?? '';
        const base = target.startsWith('/') ? [] : resolved;
        pending = [...splitPath(target), ...pending];
        resolved = [...base];
        continue;
      }

      resolved = [...resolved, component];
      if (!this.isInside(`/${resolved.join('/')}`) && !this.isAncestorOfRoot(`/${resolved.join('/')}`)) {
        return { status: 'outside', path: `/${[...resolved, ...pending].join('/')}`, symlinks };
      }
    }

    const finalPath = `/${resolved.join('/')}`;
    const node = this.nodes.get(finalPath);
    if (node !== undefined && node.entry.type === 'file') {
      return { status: 'found', path: finalPath, entry: node, symlinks };
    }
    if (this.directories.has(finalPath)) {
      return { status: 'directory', path: finalPath, symlinks };
    }
    return { status: 'missing', path: finalPath, symlinks };
  }

  /** Directory entries on the way from the mount point to `path`, for permission checks. */
  directoryEntriesAbove(path: string): AnalyzedEntry[] {
    const found: AnalyzedEntry[] = [];
    let current = path;
    while (current.lastIndexOf('/') > 0) {
      current = current.slice(0, current.lastIndexOf('/'));
      const node = this.nodes.get(current);
      if (node !== undefined && node.entry.type === 'directory') {
        found.push(node);
      }
    }
    return found;
  }

  private isAncestorOfRoot(path: string): boolean {
    return this.roots.some((root) => root.startsWith(`${path}/`));
  }

  /**
   * Adds the folders above `path`. Every folder in the set has its own parents in it too, so the walk
   * stops at the first one already known: in a tree of 30,000 files most parents are.
   */
  private addParents(path: string): void {
    let current = path;
    while (current.lastIndexOf('/') > 0) {
      current = current.slice(0, current.lastIndexOf('/'));
      if (this.directories.has(current)) {
        return;
      }
      this.directories.add(current);
    }
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((component) => component !== '' && component !== '.');
}
