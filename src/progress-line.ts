import type { ReadProgress } from './analysis/model.js';
import { printableName } from './archive/names.js';

/** An artifact over this many bytes (zip size, or the file sizes of a folder) gets a progress line. */
export const LARGE_ARTIFACT_BYTES = 50 * 1024 * 1024;

/** An artifact with more entries than this gets a progress line. */
export const LARGE_ARTIFACT_ENTRIES = 5000;

/** Minimum time between two redraws, so a fast read does not flood the terminal. */
const REDRAW_INTERVAL_MS = 100;

/** Width assumed when the stream does not report `columns`. */
const DEFAULT_COLUMNS = 80;

/** Erases from the cursor to the end of the line (ANSI EL, "erase in line"). */
const ERASE_TO_END_OF_LINE = '\u001b[K';

/** The part of a writable stream the progress line needs; `process.stderr` is one. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressLineOptions {
  /** False turns the line off whatever the stream is, e.g. for `--quiet`. */
  enabled: boolean;
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

/**
 * One status line on a terminal that updates in place with `\r` while a large artifact is read, and
 * is erased when reading ends. It writes nothing unless the stream is a TTY.
 */
export class ProgressLine {
  private readonly stream: ProgressStream;
  private readonly active: boolean;
  private readonly now: () => number;
  private visible = false;
  private lastDrawn = Number.NEGATIVE_INFINITY;

  constructor(stream: ProgressStream, options: ProgressLineOptions) {
    this.stream = stream;
    this.active = options.enabled && stream.isTTY === true;
    this.now = options.now ?? Date.now;
  }

  /** Redraws the line for `progress` (at most every 100 ms), or erases it when the package is done. */
  update(progress: ReadProgress): void {
    if (!this.active) {
      return;
    }
    if (progress.done) {
      this.clear();
      return;
    }
    if (!isLarge(progress)) {
      return;
    }

    const time = this.now();
    if (this.visible && time - this.lastDrawn < REDRAW_INTERVAL_MS) {
      return;
    }
    this.lastDrawn = time;
    this.visible = true;
    this.stream.write(`\r${fitToWidth(describe(progress), this.width())}${ERASE_TO_END_OF_LINE}`);
  }

  /** Erases the line if it is shown; call it before anything else is written to the terminal. */
  clear(): void {
    if (!this.visible) {
      return;
    }
    this.visible = false;
    this.lastDrawn = Number.NEGATIVE_INFINITY;
    this.stream.write(`\r${ERASE_TO_END_OF_LINE}`);
  }

  private width(): number {
    const columns = this.stream.columns;
    return columns !== undefined && columns > 0 ? columns : DEFAULT_COLUMNS;
  }
}

function isLarge(progress: ReadProgress): boolean {
  return progress.entriesTotal > LARGE_ARTIFACT_ENTRIES || progress.bytesTotal > LARGE_ARTIFACT_BYTES;
}

function describe(progress: ReadProgress): string {
  const percent = progress.entriesTotal === 0 ? 100 : Math.floor((progress.entriesRead / progress.entriesTotal) * 100);
  const counts = `${progress.entriesRead.toLocaleString('en-US')}/${progress.entriesTotal.toLocaleString('en-US')} entries`;
  return `lambda-lint: reading ${printableName(progress.location)}  ${counts} (${percent}%)`;
}

/**
 * Shortens the text to one column less than the terminal width, because writing into the last column
 * makes some terminals wrap, and the next `\r` then returns to the wrapped line instead of this one.
 */
function fitToWidth(text: string, columns: number): string {
  const limit = Math.max(columns - 1, 1);
  if (text.length <= limit) {
    return text;
  }
  return `${text.slice(0, Math.max(limit - 1, 0))}…`;
}
