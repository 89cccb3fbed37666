// Machine facts and what each process used: CPU seconds from /proc/<pid>/stat and peak RSS
// (VmHWM) from /proc/<pid>/status, so a figure can be told apart from a busy machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { round } from './bench-run.js';

/** The machine the figures come from; the Temporal CLI and PostgreSQL versions are filled in once known. */
export function machineFacts() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    temporalCli: '',
    postgres: '',
  };
}

export function temporalVersion(cli: string): string {
  try {
    return execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    return `unknown (${String((error as Error).message)})`;
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime, stime, cutime, cstime of a process in seconds, or undefined when it is gone. */
function procTimes(pid: number): { self: number; children: number; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(rest[i]) / CLK_TCK;
    return { ppid: Number(rest[1]), self: n(11) + n(12), children: n(13) + n(14) };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by a process (its threads included). */
function cpuOf(pid: number | undefined): number {
  return pid ? (procTimes(pid)?.self ?? 0) : 0;
}

/** CPU seconds of a PostgreSQL cluster: the postmaster, its live backends, and the ones that ended. */
function cpuOfPostgres(postmasterPid: number | undefined): number {
  if (!postmasterPid) return 0;
  const main = procTimes(postmasterPid);
  if (!main) return 0;
  let total = main.self + main.children;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = procTimes(Number(entry));
    if (times && times.ppid === postmasterPid) total += times.self;
  }
  return total;
}

export function vmHwm(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the kernel's peak-RSS mark of a process, so VmHWM covers one phase. */
export function resetHwm(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpu(): number {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    const busy = fields.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    return busy / CLK_TCK;
  } catch {
    return 0;
  }
}

interface CpuSnapshot {
  at: number;
  worker: number;
  temporal: number;
  postgres: number;
  bench: number;
  machine: number;
}

export interface Pids {
  worker?: number;
  temporal?: number;
  postmaster?: number;
}

export function cpuSnapshot(pids: Pids): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    worker: cpuOf(pids.worker),
    temporal: cpuOf(pids.temporal),
    postgres: cpuOfPostgres(pids.postmaster),
    bench: (own.user + own.system) / 1e6,
    machine: machineCpu(),
  };
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const wall = (b.at - a.at) / 1000;
  const part = (k: keyof Omit<CpuSnapshot, 'at'>) => round(b[k] - a[k], 1);
  const parts = {
    worker: part('worker'),
    temporal: part('temporal'),
    postgres: part('postgres'),
    bench: part('bench'),
  };
  const ours = round(parts.worker + parts.temporal + parts.postgres + parts.bench, 1);
  const machine = part('machine');
  // Other programs on the machine in the same time: a benchmark on a busy machine says so.
  const others = round(Math.max(machine - ours, 0), 1);
  const capacity = wall * os.cpus().length;
  return {
    wallSeconds: round(wall, 1),
    cpuSeconds: { ...parts, ours, others, machine },
    oursBusy: round(ours / capacity, 2),
    othersBusy: round(others / capacity, 2),
  };
}

/** The CPU a phase used, as cpuBetween reports it. */
export type CpuUse = ReturnType<typeof cpuBetween>;
