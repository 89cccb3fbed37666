// The drill's figures as it prints them: one line per fault, one per check, then the verdict.
import type { DrillResult } from './drill.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padl = (s: string | number, n: number) => String(s).padStart(n);

export function printReport(result: DrillResult, problems: string[], print: (line: string) => void = console.log) {
  print('');
  print(
    `故障演练 Fault drill (${result.size}): ${result.cadres} cadres' first tasks, ${result.approvals} approvals over HTTP, ${result.seconds.toFixed(0)} s`,
  );
  print('');
  print(
    `${pad('fault', 34)}${padl('first tasks open', 17)}${padl('approvals', 10)}${padl('restarted', 11)}${padl('health ok', 11)}${padl('round trip', 12)}  health probe said`,
  );
  for (const f of result.faults)
    print(
      `${pad(f.fault.what, 34)}${padl(`${f.firstTasksOpenAtKill}/${result.cadres}`, 17)}${padl(f.approvalsInSlice, 10)}${padl(`${f.restartedSeconds} s`, 11)}${padl(`${f.healthOkSeconds} s`, 11)}${padl(`${f.roundTripSeconds} s`, 12)}  ${f.healthSaid.join(', ') || (f.fault.healthShows ? 'NOTHING' : 'nothing (a dead worker’s last poll counts for 90 s)')}${f.alsoRestarted.length ? `; also restarted: ${f.alsoRestarted.join(', ')}` : ''}`,
    );
  print('');
  print(`${pad('check', 52)}${padl('owed', 7)}${padl('ok', 7)}${padl('lost', 7)}${padl('dup', 6)}  more`);
  for (const f of result.figures) {
    const more = [
      f.retried !== undefined ? `${f.retried} sent again after an error` : '',
      f.notDelivered !== undefined ? `${f.notDelivered} deliveries failed` : '',
    ]
      .filter(Boolean)
      .join('; ');
    print(`${pad(f.check, 52)}${padl(f.owed, 7)}${padl(f.ok, 7)}${padl(f.lost, 7)}${padl(f.duplicated, 6)}  ${more}`);
  }
  print('');
  if (problems.length === 0)
    print('✓ 演练通过 Drill passed: nothing lost, nothing duplicated, every part came back by itself.');
  else {
    print('✗ 演练未通过 Drill FAILED:');
    for (const p of problems) print(`  - ${p}`);
  }
}
