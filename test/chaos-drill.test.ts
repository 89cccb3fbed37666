// The fault drill (`npm run chaos`) township-sized: a real `npm start`, its worker, Temporal dev
// server, PostgreSQL and API each killed while an assessment start and a burst of approvals are
// under way; nothing may be lost or done twice, and every part must come back by itself.
import { describe, expect, it } from 'vitest';
import { problemsOf, runDrill } from '../chaos/drill.js';
import { printReport } from '../chaos/report.js';

describe('fault drill, township-sized', () => {
  it('loses nothing and does nothing twice when each part is killed mid-work', async () => {
    const lines: string[] = [];
    const result = await runDrill('township', (line) => lines.push(line));
    const problems = problemsOf(result);
    printReport(result, problems, (line) => lines.push(line));
    console.log(lines.join('\n'));

    expect(result.faults.map((f) => f.fault.key)).toEqual(['worker', 'temporal', 'postgres', 'api']);
    // the work was under way when the first part died
    expect(result.faults[0].firstTasksOpenAtKill).toBeLessThan(result.cadres);
    for (const figure of result.figures) {
      expect(figure.owed, figure.check).toBeGreaterThan(0);
      expect({ check: figure.check, lost: figure.lost, duplicated: figure.duplicated, ok: figure.ok }).toEqual({
        check: figure.check,
        lost: 0,
        duplicated: 0,
        ok: figure.owed,
      });
    }
    const approvals = result.figures.find((f) => f.retried !== undefined)!;
    expect(approvals.owed).toBe(result.approvals);
    // the API's death was seen by the clients: some approvals went out again with their request id
    expect(approvals.retried).toBeGreaterThan(0);
    for (const fault of result.faults.filter((f) => f.fault.healthShows))
      expect(fault.healthSaid, `${fault.fault.what}: health probe during the outage`).not.toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);
});
