// Baseline A, the database floor: the rows the engine writes for the first step, written
// directly in batches, into a copy of the database so the measured run starts on the same data.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { DB } from '../db/database.js';
import {
  ANNUAL_ASSESSMENT,
  DEFAULT_ASSESSMENT_SETTINGS,
} from '../workflows/annual-assessment/annual-assessment-definition.js';
import { DEFAULT_RUBRIC } from '../workflows/annual-assessment/rubric.js';
import { BATCH, BenchFailure, SELF_REPORT, YEAR, secondsSince } from './bench-run.js';
import type { Cadre } from './county.js';

/** A client on the cluster's `postgres` database, from which databases are created and dropped. */
async function clusterClient(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  return client;
}

/** Copies the loaded database for baseline A; returns the copy's URL. */
export async function copyForBaselineA(databaseUrl: string): Promise<string> {
  const baselineUrl = databaseUrl.replace(/\/[^/]+$/, '/qinglan_baseline');
  const admin = await clusterClient(databaseUrl);
  // The loader's connections may take a moment to leave; a template must have none.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query('create database qinglan_baseline template qinglan');
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(250);
    }
  }
  await admin.end();
  return baselineUrl;
}

export async function dropBaselineCopy(databaseUrl: string): Promise<void> {
  const dropper = await clusterClient(databaseUrl);
  await dropper.query('drop database qinglan_baseline');
  await dropper.end();
}

export async function baselineA(db: DB, cadres: Cadre[], startedBy: number | null) {
  const withAccount = cadres.filter((c) => c.userId !== null);
  const now = new Date();
  const dueAt = new Date(now.getTime() + DEFAULT_ASSESSMENT_SETTINGS.selfReportDays * 86_400_000);
  const processId = (personId: number) => `baseline-${ANNUAL_ASSESSMENT}-${YEAR}-p${personId}`;
  const batches = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

  const t0 = performance.now();
  for (const batch of batches(withAccount)) {
    await db
      .insertInto('processes')
      .values(
        batch.map((c) => ({
          id: processId(c.personId),
          type: ANNUAL_ASSESSMENT,
          title: `${YEAR} 年度考核：${c.name}`,
          township_id: c.townshipId,
          village_id: c.villageId,
          subject_person_id: c.personId,
          started_by: startedBy,
          params: JSON.stringify({ year: YEAR, rubric: DEFAULT_RUBRIC }),
        })),
      )
      .execute();
  }
  const processesSeconds = secondsSince(t0);

  const t1 = performance.now();
  const taskIds = new Map<string, number>();
  for (const batch of batches(withAccount)) {
    const rows = await db
      .insertInto('tasks')
      .values(
        batch.map((c) => ({
          task_key: `${processId(c.personId)}:${SELF_REPORT}:1`,
          process_id: processId(c.personId),
          process_type: ANNUAL_ASSESSMENT,
          step_key: SELF_REPORT,
          step_name: '述职自评',
          round: 1,
          form: 'selfReport',
          actions: JSON.stringify(['submit']),
          assignee_user_id: c.userId,
          assignee_role: null,
          assignee_township_id: null,
          assignee_village_id: null,
          township_id: c.townshipId,
          village_id: c.villageId,
          due_at: dueAt,
          context: JSON.stringify({
            year: YEAR,
            cadre: c.name,
            processTitle: `${YEAR} 年度考核：${c.name}`,
            returnTo: [],
          }),
        })),
      )
      .returning(['id', 'task_key'])
      .execute();
    for (const r of rows) taskIds.set(r.task_key, r.id);
  }
  for (const batch of batches(withAccount)) {
    await db
      .insertInto('task_events')
      .values(
        batch.map((c) => ({
          event_key: `${processId(c.personId)}:e1`,
          process_id: processId(c.personId),
          task_id: taskIds.get(`${processId(c.personId)}:${SELF_REPORT}:1`)!,
          at: now.toISOString(),
          actor_user_id: null,
          action: 'opened',
          comment: null,
          detail: JSON.stringify({
            step: SELF_REPORT,
            stepName: '述职自评',
            round: 1,
            assignee: { kind: 'user', userId: c.userId },
            dueAt: dueAt.toISOString(),
          }),
        })),
      )
      .execute();
  }
  const tasksSeconds = secondsSince(t1);
  const written = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('step_key', '=', SELF_REPORT)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  if (written.n !== withAccount.length)
    throw new BenchFailure(`baseline A wrote ${written.n} task rows, expected ${withAccount.length}`);
  return {
    seconds: processesSeconds + tasksSeconds,
    tasksAndEventsSeconds: tasksSeconds,
    processesSeconds,
    rows: withAccount.length,
    batchSize: BATCH,
  };
}
