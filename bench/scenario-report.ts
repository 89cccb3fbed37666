// The end of a scenario run: its figures, each beside the bare baseline of the same run and the
// ratio, printed as a table and written as JSON to bench/results/<scenario>-<time>.json.
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, repoDir, startedAt } from './bench-run.js';

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
