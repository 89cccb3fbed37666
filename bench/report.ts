// The end of a run: the result printed as a table, and written as JSON to
// bench/results/assessment-start-<time>.json.
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, repoDir } from './bench-run.js';
import type { CpuUse } from './process-accounting.js';
import type { MemorySummary } from './worker-handle.js';

export function printTable(r: {
  machine: Record<string, string | number>;
  county: { townships: number; cadres: number; peopleHoldingAPosition: number };
  baselineA: { seconds: number; cpu: CpuUse };
  baselineB: { seconds: number; cpu: CpuUse; workerMemory: MemorySummary };
  measured: {
    seconds: number;
    firstTaskSeconds?: number;
    halfSeconds?: number;
    ninetyPercentSeconds?: number;
    launcherCompletedSeconds?: number;
    throughputTasksPerSecond: number;
    cpu: CpuUse;
    workerMemory: MemorySummary;
  };
  workerIdle: MemorySummary;
  temporalHistoryEvents: { probe?: number; cadreAssessment?: number; townshipAssessment?: number };
  temporalStore: string;
  ratios: Record<string, number>;
}) {
  const f = (x: number | undefined, d = 2) => (x === undefined ? '—' : x.toFixed(d));
  const cpuLine = (c: CpuUse) =>
    `worker ${c.cpuSeconds.worker} / temporal ${c.cpuSeconds.temporal} / postgres ${c.cpuSeconds.postgres} / bench ${c.cpuSeconds.bench} s CPU in ${c.wallSeconds} s; ` +
    `cores busy with these ${Math.round(c.oursBusy * 100)}%, with other programs ${Math.round(c.othersBusy * 100)}%`;
  const rows: [string, string][] = [
    ['machine', ''],
    ['  CPU', String(r.machine.cpuModel)],
    ['  cores (os.cpus().length)', String(r.machine.cores)],
    ['  memory', `${r.machine.totalMemoryGiB} GiB`],
    ['  Node', String(r.machine.node)],
    ['  Temporal CLI', String(r.machine.temporalCli)],
    ['  Temporal store', r.temporalStore],
    ['  PostgreSQL', String(r.machine.postgres)],
    ['county', ''],
    ['  townships', String(r.county.townships)],
    [
      '  cadres (with an active account)',
      `${r.county.cadres} (of ${r.county.peopleHoldingAPosition} holding a position)`,
    ],
    ['time', ''],
    ['  baseline A: rows written directly', `${f(r.baselineA.seconds)} s`],
    ['  baseline B: N healthProbe workflows', `${f(r.baselineB.seconds)} s`],
    ['  measured: all self-report tasks open', `${f(r.measured.seconds)} s`],
    [
      '    first task / 50% / 90%',
      `${f(r.measured.firstTaskSeconds)} / ${f(r.measured.halfSeconds)} / ${f(r.measured.ninetyPercentSeconds)} s`,
    ],
    ['    launcher workflow completed', `${f(r.measured.launcherCompletedSeconds)} s`],
    ['  throughput', `${f(r.measured.throughputTasksPerSecond, 1)} tasks/s`],
    ['worker memory (RSS / heap used, MiB)', ''],
    ['  idle', `${f(r.workerIdle.peakRssMiB, 1)} / ${f(r.workerIdle.peakHeapUsedMiB, 1)}`],
    [
      '  peak in baseline B',
      `${f(r.baselineB.workerMemory.peakRssMiB, 1)} / ${f(r.baselineB.workerMemory.peakHeapUsedMiB, 1)}${r.baselineB.workerMemory.kernelPeakRssMiB ? ` (kernel peak RSS ${r.baselineB.workerMemory.kernelPeakRssMiB})` : ''}`,
    ],
    [
      '  peak in measured run',
      `${f(r.measured.workerMemory.peakRssMiB, 1)} / ${f(r.measured.workerMemory.peakHeapUsedMiB, 1)}${r.measured.workerMemory.kernelPeakRssMiB ? ` (kernel peak RSS ${r.measured.workerMemory.kernelPeakRssMiB})` : ''}`,
    ],
    ['ratios', ''],
    ['  measured / baseline A (time)', `${f(r.ratios.measuredOverBaselineA, 1)}×`],
    ['  measured / baseline B (time)', `${f(r.ratios.measuredOverBaselineB, 2)}×`],
    ['  worker peak RSS / idle', `${f(r.ratios.workerPeakRssOverIdle)}×`],
    ['  worker peak RSS / baseline B peak', `${f(r.ratios.workerPeakRssOverBaselineB)}×`],
    ['  worker peak heap / idle', `${f(r.ratios.workerPeakHeapOverIdle)}×`],
    ['  worker peak heap / baseline B peak', `${f(r.ratios.workerPeakHeapOverBaselineB)}×`],
    ['Temporal history events per workflow', ''],
    ['  healthProbe (baseline B)', String(r.temporalHistoryEvents.probe ?? '—')],
    ['  cadreAssessment, waiting on self-report', String(r.temporalHistoryEvents.cadreAssessment ?? '—')],
    ['  townshipAssessment', String(r.temporalHistoryEvents.townshipAssessment ?? '—')],
    ['CPU', ''],
    ['  baseline A', cpuLine(r.baselineA.cpu)],
    ['  baseline B', cpuLine(r.baselineB.cpu)],
    ['  measured', cpuLine(r.measured.cpu)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log('\n年度考核启动 基准 — annual assessment start, whole county, one machine\n');
  for (const [k, v] of rows) console.log(v ? `${k.padEnd(width)}${v}` : k);
}

/** Writes the result as JSON, named after the time the run began. */
export function writeResult(result: { at: string }): void {
  const resultsDir = path.join(benchDir, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `assessment-start-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresult written to ${path.relative(repoDir, file)}`);
}
