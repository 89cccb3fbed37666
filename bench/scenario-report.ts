// The end of a scenario run: its figures, each beside the bare baseline of the same run and the
// ratio, printed as a table and written as JSON to bench/results/<scenario>-<time>.json.
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, repoDir, startedAt } from './bench-run.js';
import type { CpuUse } from './process-accounting.js';

export interface Row {
  figure: string;
  qinglan: string;
  baseline: string;
  ratio?: number;
}

export function reportScenario(scenario: string, title: string, rows: Row[], record: Record<string, unknown>): void {
  const table = [
    ['figure', 'qinglan', 'bare baseline, same run', 'ratio'] as const,
    ...rows.map((r) => [r.figure, r.qinglan, r.baseline, r.ratio === undefined ? '' : r.ratio.toFixed(2)] as const),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)) + 2);
  console.log(`\n${title}\n`);
  for (const r of table)
    console.log(`${r[0].padEnd(widths[0])}${r[1].padEnd(widths[1])}${r[2].padEnd(widths[2])}${r[3]}`);
  const at = new Date(startedAt()).toISOString();
  const dir = path.join(benchDir, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scenario}-${at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ benchmark: scenario, at, rows, ...record }, null, 2) + '\n');
  console.log(`\nresult written to ${path.relative(repoDir, file)}`);
}

/**
 * CPU milliseconds per item (an approval, a start) of each part, qinglan's phase beside the bare
 * one: Temporal / worker / the API with its load client / PostgreSQL. The bare phase runs no API,
 * so its third figure is the load client alone.
 */
export function cpuPerItemRow(what: string, measured: CpuUse, bare: CpuUse, items: number, bareItems = items): Row {
  const perItem = (cpu: CpuUse, n: number) => {
    const ms = (s: number) => ((s * 1000) / n).toFixed(1);
    const c = cpu.cpuSeconds;
    return { text: `${ms(c.temporal)} / ${ms(c.worker)} / ${ms(c.bench)} / ${ms(c.postgres)}`, total: c.ours / n };
  };
  const m = perItem(measured, items);
  const b = perItem(bare, bareItems);
  return {
    figure: `CPU ms per ${what}: Temporal / worker / API+client / PostgreSQL`,
    qinglan: m.text,
    baseline: b.text,
    ratio: m.total / b.total,
  };
}
