import { lstat, open as openFile, readdir, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import type { EntrySource, PackageArchive, PackageEntry } from './entry.js';

/** Host system recorded for entries read from a directory: they carry real Unix modes. */
const HOST_UNIX = 3;

/**
 * Opens a directory that contains an unpacked package (for example `target/lambda/my-fn/`), so it is
 * checked as the zip made from it would be, assuming the zip tool keeps Unix modes and symlinks.
 */
export async function openDirectoryArchive(location: string): Promise<PackageArchive> {
  const entries: PackageEntry[] = [];
  const absolutePaths = new Map<PackageEntry, string>();
  await walk(location, location, entries, absolutePaths);

  return {
    location,
    kind: 'directory',
    archiveSize: null,
    problems: [],
    entries,
    open(entry: PackageEntry): EntrySource {
      const path = absolutePaths.get(entry);
      if (path === undefined) {
        throw new Error(`entry ${entry.name} does not belong to ${location}`);
      }
      return new FileSource(path, entry.size);
    },
    readHead(entry: PackageEntry, length: number): Promise<Buffer> {
      const path = absolutePaths.get(entry);
      if (path === undefined) {
        throw new Error(`entry ${entry.name} does not belong to ${location}`);
      }
      return new FileSource(path, entry.size).read(0, length);
    },
    close(): void {},
  };
}

async function walk(
  root: string,
  directory: string,
  entries: PackageEntry[],
  absolutePaths: Map<PackageEntry, string>,
): Promise<void> {
  const names = (await readdir(directory)).sort();

  for (const name of names) {
    const absolute = join(directory, name);
    const stats = await lstat(absolute);
    const path = relative(root, absolute).split(sep).join('/');

    const entry: PackageEntry = {
      index: entries.length,
      name: stats.isDirectory() ? `${path}/` : path,
      path,
      type: stats.isDirectory() ? 'directory' : stats.isSymbolicLink() ? 'symlink' : 'file',
      permissions: stats.mode & 0o7777,
      hostSystem: HOST_UNIX,
      size: stats.isFile() ? stats.size : 0,
      compressedSize: stats.isFile() ? stats.size : 0,
      compressionMethod: 0,
      crc32: null,
      encrypted: false,
    };

    if (stats.isSymbolicLink()) {
      entry.symlinkTarget = await readlink(absolute);
    }

    entries.push(entry);
    absolutePaths.set(entry, absolute);

    if (stats.isDirectory()) {
      await walk(root, absolute, entries, absolutePaths);
    }
  }
}

/** Random access to a regular file; only the requested bytes are read. */
export class FileSource implements EntrySource {
  readonly size: number;
  private readonly path: string;

  constructor(path: string, size: number) {
    this.path = path;
    this.size = size;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(offset + length, this.size);
    if (offset < 0 || end <= offset) {
      return Buffer.alloc(0);
    }

    const handle = await openFile(this.path, 'r');
    try {
      const buffer = Buffer.alloc(end - offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  retain(): void {}

  /** A file in a directory input has no checksum to verify. */
  async drain(): Promise<void> {}

  close(): void {}
}
