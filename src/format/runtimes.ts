import { lifecycleStatus } from '../runtime-status.js';
import type { RuntimeInfo } from '../runtimes/runtime.js';

interface RuntimeRow {
  id: string;
  os: string;
  glibc: string;
  architectures: string[];
  status: string;
  deprecation: string | null;
  blockCreate: string | null;
  blockUpdate: string | null;
  successor: string | null;
}

function toRow(runtime: RuntimeInfo, today: string): RuntimeRow {
  return {
    id: runtime.id,
    os: runtime.os,
    glibc: runtime.glibc,
    architectures: Object.keys(runtime.architectures),
    status: lifecycleStatus(runtime, today),
    deprecation: runtime.lifecycle.deprecation,
    blockCreate: runtime.lifecycle.blockCreate,
    blockUpdate: runtime.lifecycle.blockUpdate,
    successor: runtime.lifecycle.successor,
  };
}

/** Renders the runtime list as an aligned table: id, OS, glibc, architectures, status on `today`. */
export function formatRuntimesText(runtimes: readonly RuntimeInfo[], today: string): string {
  const header = ['RUNTIME', 'OS', 'GLIBC', 'ARCHITECTURES', 'STATUS'];
  const rows = runtimes.map((runtime) => {
    const row = toRow(runtime, today);
    let status = row.status;
    if (row.status === 'deprecated') {
      status = `deprecated since ${row.deprecation ?? ''}`;
    } else if (row.status === 'create-blocked') {
      status = `create blocked since ${row.blockCreate ?? ''}`;
    } else if (row.status === 'update-blocked') {
      status = `update blocked since ${row.blockUpdate ?? ''}`;
    } else if (row.deprecation !== null) {
      status = `supported until ${row.deprecation}`;
    }
    if (row.status !== 'supported' && row.successor !== null) {
      status += `, move to ${row.successor}`;
    }
    return [row.id, row.os, row.glibc, row.architectures.join(', '), status];
  });

  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ');

  return `${[header, ...rows].map(render).join('\n')}\n`;
}

export function formatRuntimesJson(runtimes: readonly RuntimeInfo[], today: string): string {
  return `${JSON.stringify({ runtimes: runtimes.map((runtime) => toRow(runtime, today)) }, null, 2)}\n`;
}
