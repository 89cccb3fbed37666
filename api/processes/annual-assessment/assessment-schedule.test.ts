// The yearly start of the annual assessment through the API, on the suite's dev server with a
// real worker: who may set it, its moments in China time, pause and resume, a start now that
// assesses this year, and a backfilled past moment that assesses that past year.
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { townshipCycleId } from '../../../workflows/annual-assessment/annual-assessment-definition.js';
import { DEFAULT_RUBRIC } from '../../../workflows/annual-assessment/rubric.js';
import { chinaYear } from '../../../domain/china-time.js';
import { assessmentScheduleId } from './assessment-schedule.js';

let t: TestApp;
let as: Record<string, Session>;
let townshipId: number;
const BASE = '/api/processes/annual-assessment/schedule';

/** A township of one village and two cadres, so a started year is small. */
async function smallTownship() {
  const db = t.db;
  const passwordHash = await hash('demo');
  const township = await db
    .insertInto('townships')
    .values({ code: '430725998', name: '定时镇', kind: 'township' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const village = await db
    .insertInto('villages')
    .values({ code: '430725998201', township_id: township.id, name: '定时村', kind: 'village', area: 'rural' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cadres = [
    { name: '定时甲', birth: '1984-05-18', sequence: '971', secretary: true },
    { name: '定时乙', birth: '1988-09-23', sequence: '973', secretary: false },
  ];
  for (const [i, cadre] of cadres.entries()) {
    const person = await db
      .insertInto('people')
      .values({
        name: cadre.name,
        gender: 'male',
        birth_date: cadre.birth,
        id_number: validIdNumber(cadre.birth, cadre.sequence),
        phone: `1390000998${i}`,
        education: 'college',
        party_member: true,
        township_id: township.id,
        village_id: village.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('positions')
      .values({
        person_id: person.id,
        committee: cadre.secretary ? 'party_branch' : 'villagers_committee',
        title: cadre.secretary ? 'secretary' : 'member',
        term_start: '2021-04-01',
        term_end: '2026-03-31',
      })
      .execute();
    const username = cadre.secretary ? 'sched-village' : 'sched-cadre';
    await db
      .insertInto('users')
      .values({
        username,
        password_hash: passwordHash,
        display_name: cadre.name,
        role: cadre.secretary ? 'village_secretary' : 'cadre',
        township_id: township.id,
        village_id: village.id,
        person_id: person.id,
      })
      .execute();
  }
  return township.id;
}

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  townshipId = await smallTownship();
  as = {};
  for (const u of ['admin', 'auditor', 'officer-01']) as[u] = await t.login(u);
}, 120_000);

afterAll(async () => {
  if (!t) return;
  await t.temporal.client.schedule
    .getHandle(assessmentScheduleId(t.temporal.idPrefix ?? ''))
    .delete()
    .catch(() => {});
  await t.close();
});

const send = (method: string, path: string, user: string, body?: unknown) =>
  t.request(`${BASE}${path}`, { method, as: as[user], body: body === undefined ? undefined : JSON.stringify(body) });

interface Described {
  exists: boolean;
  month: number | null;
  day: number | null;
  hour: number | null;
  paused: boolean;
  note: string | null;
  nextRuns: string[];
  recentRuns: { scheduledAt: string; workflowId: string }[];
  townshipIds: number[] | null;
}

async function described(user = 'admin'): Promise<Described> {
  const res = await send('GET', '', user);
  expect(res.status).toBe(200);
  return res.json();
}

/** The township process of a year, once the started cycle has begun it. */
async function townshipProcess(year: number) {
  const id = townshipCycleId(t.temporal.idPrefix ?? '', year, townshipId);
  return vi.waitFor(
    async () => {
      const row = await t.db
        .selectFrom('processes')
        .select(['id', sql<string>`params->>'year'`.as('year')])
        .where('type', '=', 'annual-assessment')
        .where('township_id', '=', townshipId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new Error(`no assessment process ${id} yet`);
      return row;
    },
    { timeout: 60_000, interval: 100 },
  );
}

/** Instants of 1 March at `utcHour` o'clock UTC in consecutive years from the first one given. */
const marchFirst = (first: string, utcHour: string) => {
  const year = Number(first.slice(0, 4));
  return [year, year + 1, year + 2].map((y) => `${y}-03-01T${utcHour}:00:00.000Z`);
};

describe('the yearly start of the annual assessment', () => {
  const body = { month: 3, day: 1, hour: 9, townshipIds: [] as number[], settings: { selfReportDays: 10 } };

  it('is read by the county admin and the auditor, set by the county admin only', async () => {
    body.townshipIds = [townshipId];
    expect(await described('auditor')).toMatchObject({ exists: false, nextRuns: [] });
    expect((await send('GET', '', 'officer-01')).status).toBe(403);
    expect((await send('PUT', '', 'officer-01', body)).status).toBe(403);
    expect((await send('PUT', '', 'auditor', body)).status).toBe(403);
    expect((await send('POST', '/trigger', 'admin')).status).toBe(404);
    expect((await described()).exists).toBe(false);
  });

  it('refuses a rubric whose weights do not add up to 1, and changes nothing', async () => {
    const rubric = {
      ...DEFAULT_RUBRIC,
      items: DEFAULT_RUBRIC.items.map((item) => ({ ...item, weight: 0.5 + (item.key === 'delivery' ? 0.1 : 0) })),
    };
    const res = await send('PUT', '', 'admin', { ...body, rubric });
    expect(res.status).toBe(400);
    expect((await res.json()).fields.map((f: { field: string }) => f.field)).toEqual(['rubric']);
    expect((await described()).exists).toBe(false);
  });

  it('creates the schedule: the next three runs are 1 March 09:00 China time (01:00Z)', async () => {
    const res = await send('PUT', '', 'admin', body);
    expect(res.status).toBe(201);
    const state = (await res.json()) as Described;
    expect(state).toMatchObject({ exists: true, month: 3, day: 1, hour: 9, paused: false, townshipIds: [townshipId] });
    const shown = await described('auditor');
    expect(shown.nextRuns).toHaveLength(3);
    expect(shown.nextRuns).toEqual(marchFirst(shown.nextRuns[0], '01'));
    expect(Date.parse(shown.nextRuns[0])).toBeGreaterThan(Date.now());
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('resource', '=', 'assessment-schedule')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'record.created', detail: { op: 'create', month: 3, day: 1, hour: 9 } });
  });

  it('changes the hour of the existing schedule', async () => {
    const res = await send('PUT', '', 'admin', { ...body, hour: 10 });
    expect(res.status).toBe(200);
    const state = (await res.json()) as Described;
    expect(state).toMatchObject({ hour: 10 });
    expect(state.nextRuns).toEqual(marchFirst(state.nextRuns[0], '02'));
    expect((await send('PUT', '', 'admin', body)).status).toBe(200);
    expect((await described()).hour).toBe(9);
  });

  it('pauses with a note and resumes', async () => {
    expect((await send('POST', '/pause', 'officer-01', { note: '暂停' })).status).toBe(403);
    expect((await send('POST', '/pause', 'admin', {})).status).toBe(400);
    const paused = await send('POST', '/pause', 'admin', { note: '等待新考核办法' });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ paused: true, note: '等待新考核办法' });
    expect(await described('auditor')).toMatchObject({ paused: true, note: '等待新考核办法' });
    // Setting the moment again keeps a paused schedule paused.
    expect(await (await send('PUT', '', 'admin', body)).json()).toMatchObject({ paused: true });

    const resumed = await send('POST', '/unpause', 'admin', {});
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ paused: false });
    expect((await described()).paused).toBe(false);
  });

  it('starts the year now: this year’s assessment of the township begins', async () => {
    expect((await send('POST', '/trigger', 'officer-01')).status).toBe(403);
    const res = await send('POST', '/trigger', 'admin');
    expect(res.status).toBe(202);
    const year = chinaYear();
    const run = await townshipProcess(year);
    expect(run.year).toBe(String(year));
    const recent = (await described()).recentRuns;
    expect(recent.some((r) => r.workflowId.startsWith(`${t.temporal.idPrefix}annual-assessment-cycle-`))).toBe(true);
  });

  it('backfills a past year’s moment, which assesses that year; a future year is refused', async () => {
    const next = await send('POST', '/backfill', 'admin', { year: chinaYear() + 1 });
    expect(next.status).toBe(400);
    expect((await next.json()).fields.map((f: { field: string }) => f.field)).toEqual(['year']);
    expect((await send('POST', '/backfill', 'officer-01', { year: chinaYear() - 1 })).status).toBe(403);

    const last = chinaYear() - 1;
    const res = await send('POST', '/backfill', 'admin', { year: last });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ year: last, scheduledAt: `${last}-03-01T01:00:00.000Z` });
    const run = await townshipProcess(last);
    expect(run.year).toBe(String(last));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(sql<string>`detail->>'op'`.as('op'))
      .where('resource', '=', 'assessment-schedule')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.op)).toEqual([
      'create',
      'update',
      'update',
      'pause',
      'update',
      'unpause',
      'trigger',
      'backfill',
    ]);
  });
});
