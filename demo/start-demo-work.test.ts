// The demo work, for real: the API served over HTTP on a free port with a worker, on a clone of
// the demo county and the suite's Temporal dev server. Every account the README tells visitors
// to try must find work; the pairings, the assessment and the escalation stand where planned.
import fs from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../test/support/free-port.js';
import { createTestApp, listQuery, type Session, type TestApp } from '../test/support/test-app.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { markDemoWorkPlanned } from './demo-work/demo-work-marker.js';
import { PAIRINGS, type PairingStage } from './demo-work/demo-work-plan.js';
import { startDemoWork, startPendingDemoWork, type DemoWorkResult } from './start-demo-work.js';

/** The usernames in the first column of the README's "Demo accounts" table. */
function readmeAccounts(): string[] {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Demo accounts'))!;
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2);
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
}

let t: TestApp;
let server: ServerType;
let url: string;
let result: DemoWorkResult;
const lines: string[] = [];
const sessions = new Map<string, Session>();

async function get<T>(username: string, path: string): Promise<T> {
  if (!sessions.has(username)) sessions.set(username, await t.login(username));
  const res = await t.request(path, { as: sessions.get(username) });
  expect(res.status, `${path} as ${username}`).toBe(200);
  return (await res.json()) as T;
}

interface Task {
  stepKey: string;
  round: number;
  status: string;
  escalationLevel: number;
  dueAt: string;
}
interface TimelineEntry {
  action: string;
  detail: { step?: string; round?: number };
}

const tasksOf = (processId: string) =>
  get<Task[]>('admin', `/api/tasks?${listQuery({ filter: { processId }, range: [0, 99] })}`);
const timelineOf = async (processId: string) =>
  (await get<{ timeline: TimelineEntry[] }>('admin', `/api/processes/${encodeURIComponent(processId)}`)).timeline;
const pairing = (stage: PairingStage) => result.pairings.filter((p) => p.plan.stage === stage);

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  const port = await freePort();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${port}`;
  await markDemoWorkPlanned(t.db); // as the start command's first load does
  result = (await startPendingDemoWork(t.db, url, { onProgress: (line) => lines.push(line) }))!;
}, 240_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

describe('demo work in flight', () => {
  it('reports a line per part with counts', () => {
    expect(result).not.toBeNull();
    expect(lines.join('\n')).toMatch(
      /导师帮带 7 对（2 个乡镇）：待书记审批 3 \/ 成长计划退回重写 1 \/ 已记录月度交流 2 \/ 交流逾期督办 1/,
    );
    expect(lines.join('\n')).toMatch(/年度考核.*述职已交 5 \/ 已评议 3 \/ 已评分 2/);
    expect(lines.at(-1)).toMatch(/用时 [\d.]+ 秒/);
  });

  it('gives every account the README names something in its inbox or its processes', async () => {
    const accounts = readmeAccounts();
    // The sign-in page's suggestions are among them, so those have work too.
    expect(accounts).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.username)));
    for (const username of accounts) {
      await vi.waitFor(
        async () => {
          const inbox = await get<unknown[]>(username, `/api/tasks?${listQuery({ filter: { mine: true } })}`);
          const processes = await get<unknown[]>(username, `/api/processes?${listQuery({ range: [0, 0] })}`);
          expect(inbox.length + processes.length, `${username} has nothing to do`).toBeGreaterThan(0);
        },
        { timeout: 60_000, interval: 500 },
      );
    }
  });

  it('leaves proposals with the township Party secretaries', async () => {
    for (const { plan, processId } of pairing('proposed')) {
      const tasks = await tasksOf(processId);
      expect(
        tasks.map((x) => [x.stepKey, x.status]),
        plan.mentee,
      ).toEqual([['proposal.approval', 'open']]);
    }
  });

  it('shows a growth plan returned once (退回) and redrafted on the timeline', async () => {
    const [{ processId }] = pairing('returned');
    const timeline = await timelineOf(processId);
    const at = (action: string, step: string, round: number) =>
      timeline.findIndex((e) => e.action === action && e.detail.step === step && e.detail.round === round);
    expect(at('return', 'growth-plan.review', 1)).toBeGreaterThan(at('submit', 'growth-plan.draft', 1));
    expect(at('submit', 'growth-plan.draft', 2)).toBeGreaterThan(at('return', 'growth-plan.review', 1));
    await vi.waitFor(
      async () => {
        const review = (await tasksOf(processId)).find((x) => x.stepKey === 'growth-plan.review' && x.round === 2);
        expect(review?.status).toBe('open'); // back with the mentor
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  it('records the first month’s exchange in the pairings that are exchanging', async () => {
    expect(
      pairing('exchanging')
        .map((p) => p.plan.township)
        .sort(),
    ).toEqual([1, 2]);
    for (const { processId } of pairing('exchanging')) {
      expect((await tasksOf(processId)).find((x) => x.stepKey === 'exchange.m1')?.status).toBe('done');
      expect((await timelineOf(processId)).some((e) => e.action === 'submit' && e.detail.step === 'exchange.m1')).toBe(
        true,
      );
    }
  });

  it('has the year’s assessment part-way: some self-reports in, fewer reviewed, two scored', async () => {
    // The cycle starts the township's cadres one by one, so their self-reports open over a while
    // after the demo's five are in: wait for them rather than read a half-started township.
    await vi.waitFor(
      async () => {
        const tasks = await get<Task[]>(
          'admin',
          `/api/tasks?${listQuery({ filter: { processType: 'annual-assessment', townshipId: 1 }, range: [0, 499] })}`,
        );
        const count = (step: string, status: string) =>
          tasks.filter((x) => x.stepKey === step && x.status === status).length;
        expect([count('self-report', 'done'), count('review', 'done'), count('score', 'done')]).toEqual([5, 3, 2]);
        expect(count('self-report', 'open')).toBeGreaterThan(50); // the rest of the township has yet to report
      },
      { timeout: 60_000, interval: 500 },
    );
  });

  it('escalates the late exchange: the township officer is told and the timeline says so', async () => {
    const [{ plan, processId }] = pairing('escalated');
    expect(plan.township).toBe(2);
    const escalated = await vi.waitFor(
      async () => {
        const notes = await get<{ kind: string; title: string }[]>(
          'officer-02',
          `/api/notifications?${listQuery({ filter: { kind: 'task_escalated' } })}`,
        );
        expect(notes.length).toBeGreaterThan(0);
        return notes[0];
      },
      { timeout: 120_000, interval: 1000 },
    );
    expect(escalated.title).toContain('逾期督办');
    // The notice and the timeline event are written by two activities: wait for the event too.
    await vi.waitFor(
      async () => {
        const timeline = await timelineOf(processId);
        const actions = timeline.filter((e) => e.detail.step === 'exchange.m1').map((e) => e.action);
        expect(actions).toEqual(expect.arrayContaining(['deadline_changed', 'overdue', 'escalated']));
      },
      { timeout: 60_000, interval: 500 },
    );
    const exchange = (await tasksOf(processId)).find((x) => x.stepKey === 'exchange.m1')!;
    expect([exchange.status, exchange.escalationLevel]).toEqual(['open', 1]);
    expect(Date.parse(exchange.dueAt)).toBeLessThan(Date.now());
  }, 150_000);

  it('runs once: a second start does nothing, and a resumed run starts nothing twice', async () => {
    // Pairings are the ones a second run could duplicate; a second assessment start is a no-op by design.
    const countProcesses = async () =>
      (
        await t.db
          .selectFrom('processes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('type', '=', 'mentor-pairing')
          .executeTakeFirstOrThrow()
      ).n;
    const before = await countProcesses();
    expect(await startPendingDemoWork(t.db, url)).toBeNull();
    const again = await startDemoWork(url); // as after a first start cut short
    expect(again.pairings.map((p) => p.processId)).toEqual(result.pairings.map((p) => p.processId));
    expect(again.assessment).toMatchObject({ reported: 5, reviewed: 3, scored: 2 });
    expect(await countProcesses()).toBe(before);
    expect(before).toBe(PAIRINGS.length);
  }, 120_000);
});
