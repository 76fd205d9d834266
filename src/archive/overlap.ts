/** Fixed part of a local file header (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;

/** Position and extent of one entry's local header and data, as the central directory records them. */
export interface LocalRange {
  name: string;
  localHeaderOffset: number;
  /** Length of the name in the central directory, which the local header must repeat. */
  nameLength: number;
  compressedSize: number;
}

/**
 * Finds entries whose local header and data overlap the next entry's, in local-header order. An
 * entry takes at least 30 bytes of header, its name and its compressed data. The local extra field
 * and a data descriptor only add to that, so a legitimate zip never trips this check. Two central
 * records that share one local header are the core of the overlapped-entry zip bomb, which Info-ZIP
 * unzip 6.0 rejects as "invalid zip file with overlapped components (possible zip bomb)".
 * Returns a one-line description, or null when no entries overlap.
 */
export function describeOverlappingEntries(ranges: LocalRange[]): string | null {
  const ordered = [...ranges].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);

  let overlapCount = 0;
  let first: [LocalRange, LocalRange] | null = null;
  for (let index = 1; index < ordered.length; index += 1) {
    const previous = ordered[index - 1];
    const current = ordered[index];
    const previousEnd = previous.localHeaderOffset + LOCAL_HEADER_BYTES + previous.nameLength + previous.compressedSize;
    if (current.localHeaderOffset < previousEnd) {
      overlapCount += 1;
      first ??= [previous, current];
    }
  }

  if (first === null) {
    return null;
  }

  const [earlier, later] = first;
  const where =
    earlier.localHeaderOffset === later.localHeaderOffset
      ? `share the local header at byte ${later.localHeaderOffset}`
      : `overlap: the second starts at byte ${later.localHeaderOffset}, inside the first`;
  const others = overlapCount > 1 ? ` (${overlapCount} overlapping pairs in all)` : '';
  return (
    `entries ${JSON.stringify(earlier.name)} and ${JSON.stringify(later.name)} ${where}${others}; ` +
    'Info-ZIP unzip rejects overlapping entries as a possible zip bomb'
  );
}
