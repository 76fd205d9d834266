import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ReadProgress } from '../src/analysis/model.js';
import { lint } from '../src/index.js';
import { LARGE_ARTIFACT_BYTES, LARGE_ARTIFACT_ENTRIES, ProgressLine, type ProgressStream } from '../src/progress-line.js';
import { runCli } from './support/cli.js';

const ERASE = '\u001b[K';

/** A stream that records what is written, with a terminal's `isTTY` and `columns`. */
class FakeTerminal implements ProgressStream {
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  readonly writes: string[] = [];

  constructor(isTTY: boolean, columns?: number) {
    this.isTTY = isTTY;
    this.columns = columns;
  }

  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

/** Returns a clock that only moves when the test advances it. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1000;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function progress(entriesRead: number, overrides: Partial<ReadProgress> = {}): ReadProgress {
  return {
    location: 'build/big.zip',
    entriesRead,
    entriesTotal: 37_000,
    bytesTotal: 10 * 1024 * 1024,
    done: false,
    ...overrides,
  };
}

describe('progress line on a terminal', () => {
  it('draws one line with \\r and counts', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(12_345));

    expect(terminal.writes).toEqual([`\rlambda-lint: reading build/big.zip  12,345/37,000 entries (33%)${ERASE}`]);
  });

  it('redraws at most every 100 ms', () => {
    const terminal = new FakeTerminal(true, 120);
    const clock = manualClock();
    const line = new ProgressLine(terminal, { enabled: true, now: clock.now });

    line.update(progress(1));
    clock.advance(50);
    line.update(progress(2));
    clock.advance(60);
    line.update(progress(3));

    expect(terminal.writes).toHaveLength(2);
    expect(terminal.writes[1]).toContain(' 3/37,000 entries');
  });

  it('erases the line when the package is done', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(10));
    line.update(progress(37_000, { done: true }));

    expect(terminal.writes).toHaveLength(2);
    expect(terminal.writes[1]).toBe(`\r${ERASE}`);
  });

  it('erases nothing when nothing was drawn', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.clear();
    line.update(progress(37_000, { done: true }));

    expect(terminal.writes).toEqual([]);
  });

  it('keeps the line one column short of the width', () => {
    const terminal = new FakeTerminal(true, 40);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(5, { location: 'target/lambda/a-function-with-a-long-name/function.zip' }));

    const text = terminal.writes[0].slice(1, -ERASE.length);
    expect(text).toHaveLength(39);
    expect(text.endsWith('…')).toBe(true);
  });

  it('assumes 80 columns when the stream has none', () => {
    const terminal = new FakeTerminal(true);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(5, { location: 'x'.repeat(200) }));

    expect(terminal.writes[0].slice(1, -ERASE.length)).toHaveLength(79);
  });

  it('escapes control characters in the location', () => {
    const terminal = new FakeTerminal(true, 200);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(5, { location: 'evil\u001b[2Jname.zip' }));

    expect(terminal.writes[0]).toContain('evil\\x1b[2Jname.zip');
  });

  it('stays silent for a small artifact', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(10, { entriesTotal: LARGE_ARTIFACT_ENTRIES, bytesTotal: LARGE_ARTIFACT_BYTES }));

    expect(terminal.writes).toEqual([]);
  });

  it('shows a few large entries by size', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: true, now: manualClock().now });

    line.update(progress(1, { entriesTotal: 3, bytesTotal: LARGE_ARTIFACT_BYTES + 1 }));

    expect(terminal.writes[0]).toContain('1/3 entries (33%)');
  });
});

describe('progress line off', () => {
  it('writes nothing when the stream is no TTY', () => {
    const pipe = new FakeTerminal(false, 120);
    const line = new ProgressLine(pipe, { enabled: true, now: manualClock().now });

    line.update(progress(10));
    line.clear();

    expect(pipe.writes).toEqual([]);
  });

  it('writes nothing when disabled on a TTY', () => {
    const terminal = new FakeTerminal(true, 120);
    const line = new ProgressLine(terminal, { enabled: false, now: manualClock().now });

    line.update(progress(10));
    line.clear();

    expect(terminal.writes).toEqual([]);
  });
});

describe('progress in the CLI', () => {
  let scratch = '';
  let largeFolder = '';

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lambda-lint-progress-'));
    largeFolder = join(scratch, 'large');
    mkdirSync(largeFolder);
    copyFileSync('fixtures/bin/rust-static-pie-x86_64', join(largeFolder, 'bootstrap'));
    for (let index = 0; index <= LARGE_ARTIFACT_ENTRIES; index += 1) {
      writeFileSync(join(largeFolder, `data-${index}.txt`), `${index}\n`);
    }
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints nothing on stderr when stderr is a pipe', () => {
    const result = runCli(['--today', '2026-12-04', largeFolder]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No problems found.');
    expect(result.stderr).toBe('');
  });

  it('reports each entry read to the library listener', async () => {
    const events: ReadProgress[] = [];
    await lint([largeFolder], { onProgress: (event) => events.push(event) });

    const entriesTotal = LARGE_ARTIFACT_ENTRIES + 2;
    expect(events[0]).toMatchObject({ location: largeFolder, entriesRead: 0, entriesTotal, done: false });
    expect(events.at(-1)).toMatchObject({ entriesRead: entriesTotal, entriesTotal, done: true });
    expect(events.filter((event) => !event.done)).toHaveLength(entriesTotal + 1);
  });
});
