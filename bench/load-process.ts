// The inbox scenario's clients, in a process of their own: people's browsers are not in the
// API's process, and a client sharing the API's event loop would bill its own work to the API.
// Reads one LoadPlan as JSON from argv, prints one LoadOutcome as JSON on stdout.
import { runFor, runPaced, type LoadResult } from './load.js';

export interface LoadPlan {
  url: string;
  token: string;
  clients: number;
  seconds: number;
  /** Each client asks again this long after it last asked (paced), or as soon as answered (absent). */
  everyMs?: number;
}

export interface LoadOutcome {
  result: LoadResult;
  /** Requests answered while warming up, before the run (the server did those too). */
  warmUpJobs: number;
  /** This process's CPU seconds in the run: the clients' own share of the machine. */
  clientCpuSeconds: number;
}

async function ask(plan: LoadPlan): Promise<void> {
  const answer = await fetch(plan.url, { headers: { authorization: `Bearer ${plan.token}` } });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`GET ${plan.url}: HTTP ${answer.status} ${text}`);
}

async function main() {
  const plan = JSON.parse(process.argv[2]) as LoadPlan;
  const job = () => ask(plan);
  const warmUp = await runFor(1, plan.clients, job); // connections open, code compiled
  const before = process.cpuUsage();
  const result = plan.everyMs
    ? await runPaced(plan.seconds, plan.clients, plan.everyMs, job)
    : await runFor(plan.seconds, plan.clients, job);
  const used = process.cpuUsage(before);
  const outcome: LoadOutcome = { result, warmUpJobs: warmUp.jobs, clientCpuSeconds: (used.user + used.system) / 1e6 };
  process.stdout.write(JSON.stringify(outcome));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
