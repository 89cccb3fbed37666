import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let reserve: { id: number; person_id: number; township_id: number };
let outside: { person_id: number };

beforeAll(async () => {
  t = await createTestApp();
  [admin, officer] = await Promise.all(['admin', 'officer-01'].map((u) => t.login(u)));
  const township = await t.db
    .selectFrom('users')
    .select('township_id')
    .where('username', '=', 'officer-01')
    .executeTakeFirstOrThrow();
  reserve = await t.db
    .selectFrom('reserves')
    .select(['id', 'person_id', 'township_id', 'mentor_person_id'])
    .where('township_id', '=', township.township_id!)
    .where('mentor_person_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  outside = await t.db
    .selectFrom('reserves')
    .select('person_id')
    .where('township_id', '!=', township.township_id!)
    .orderBy('id')
    .executeTakeFirstOrThrow();
});
afterAll(() => t.close());

const dossier = (as: Session, personId: number) => t.request(`/api/people/${personId}/dossier`, { as });

describe('the dossier (一人一档)', () => {
  it('shows a reserve’s pool history and records in time order', async () => {
    const res = await dossier(officer, reserve.person_id);
    expect(res.status).toBe(200);
    const body = await res.json();
    const statuses = body.entries.filter((e: { kind: string }) => e.kind === 'reserve_status');
    expect(statuses.map((e: { status: string }) => e.status)).toEqual([
      'nominated',
      'under_review',
      'on_notice',
      'trial',
      'in_pool',
    ]);
    expect(body.entries.some((e: { kind: string }) => e.kind === 'reserve_record')).toBe(true);
    const days = body.entries.map((e: { on: string }) => e.on);
    expect([...days].sort()).toEqual(days);
    expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
  });

  it('names each status change by the process it links to: the intake’s as the intake', async () => {
    const person = await t.db
      .selectFrom('people')
      .select(['id', 'name', 'township_id', 'village_id'])
      .where('township_id', '=', reserve.township_id)
      .where('id', 'not in', t.db.selectFrom('reserves').select('person_id'))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const intake = 'reserve-intake-2031-dossier-test';
    const cultivation = 'reserve-cultivation-dossier-test';
    await t.db
      .insertInto('processes')
      .values(
        [
          { id: intake, type: 'reserve-intake', title: '2031 年后备干部推选' },
          { id: cultivation, type: 'reserve-cultivation', title: `后备干部培养：${person.name}` },
        ].map((p) => ({
          ...p,
          township_id: person.township_id,
          village_id: null,
          subject_person_id: null,
          status: 'running' as const,
          params: JSON.stringify({}),
        })),
      )
      .execute();
    const { id: reserveId } = await t.db
      .insertInto('reserves')
      .values({
        person_id: person.id,
        township_id: person.township_id!,
        village_id: person.village_id!,
        status: 'trial',
        source: 'organisation',
        intake_year: 2031,
        intake_workflow_id: intake,
        cultivation_workflow_id: cultivation,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const change = (from: 'nominated' | 'trial' | null, to: 'nominated' | 'trial' | 'in_pool', on: string) => ({
      reserve_id: reserveId,
      from_status: from,
      to_status: to,
      reason: '测试',
      changed_on: on,
      workflow_id: to === 'in_pool' ? cultivation : to === 'trial' ? intake : null,
    });
    await t.db
      .insertInto('reserve_status_changes')
      .values([
        change(null, 'nominated', '2031-03-01'),
        change('nominated', 'trial', '2031-04-01'),
        change('trial', 'in_pool', '2031-10-01'),
      ])
      .execute();
    const body = await (await dossier(officer, person.id)).json();
    const statuses = body.entries.filter((e: { kind: string }) => e.kind === 'reserve_status');
    expect(
      statuses.map((e: { status: string; processType: string; processId: string }) => [
        e.status,
        e.processType,
        e.processId,
      ]),
    ).toEqual([
      ['nominated', 'reserve-intake', intake],
      ['trial', 'reserve-intake', intake],
      ['in_pool', 'reserve-cultivation', cultivation],
    ]);
  });

  it('lists a pairing for the mentor and for the mentee, linking to the process', async () => {
    const mentee = await t.db
      .selectFrom('people')
      .select(['id', 'name', 'township_id', 'village_id'])
      .where('newly_elected', '=', true)
      .where('township_id', '=', reserve.township_id)
      .executeTakeFirstOrThrow();
    const mentor = await t.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('is_mentor', '=', true)
      .where('township_id', '=', reserve.township_id)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('processes')
      .values({
        id: 'mentor-pairing-dossier-test',
        type: 'mentor-pairing',
        title: `导师帮带：${mentee.name}`,
        township_id: mentee.township_id,
        village_id: mentee.village_id,
        subject_person_id: mentee.id,
        status: 'completed',
        params: JSON.stringify({ mentor: { personId: mentor.id, name: mentor.name } }),
        outcome: JSON.stringify({ grade: 'excellent' }),
      })
      .execute();
    const asMentee = await (await dossier(officer, mentee.id)).json();
    expect(asMentee.entries).toContainEqual(
      expect.objectContaining({
        role: 'mentee',
        processId: 'mentor-pairing-dossier-test',
        detail: expect.objectContaining({ grade: 'excellent' }),
      }),
    );
    const asMentor = await (await dossier(officer, mentor.id)).json();
    expect(asMentor.entries).toContainEqual(
      expect.objectContaining({ role: 'mentor', processId: 'mentor-pairing-dossier-test' }),
    );
  });

  it('links a year’s assessment result to that year’s assessment of the person, when there was one', async () => {
    const person = await t.db
      .selectFrom('people')
      .select(['id', 'name', 'township_id', 'village_id'])
      .where('township_id', '=', reserve.township_id)
      .where('id', '!=', reserve.person_id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('processes')
      .values({
        id: 'annual-assessment-dossier-test',
        type: 'annual-assessment',
        title: `2031 年度考核：${person.name}`,
        township_id: person.township_id,
        village_id: person.village_id,
        subject_person_id: person.id,
        status: 'completed',
        params: JSON.stringify({ year: 2031 }),
      })
      .execute();
    await t.db
      .insertInto('assessment_results')
      .values(
        [2030, 2031].map((year) => ({
          year,
          person_id: person.id,
          township_id: person.township_id!,
          version: 1,
          total: 88,
          grade: '称职',
          scores: JSON.stringify({}),
        })),
      )
      .execute();
    const body = await (await dossier(officer, person.id)).json();
    const results = body.entries.filter((e: { kind: string }) => e.kind === 'assessment_result');
    const of = (year: number) => results.find((e: { detail: { year: number } }) => e.detail.year === year);
    expect(of(2031).processId).toBe('annual-assessment-dossier-test');
    // 2030's came without a workflow: no link rather than a wrong one
    expect(of(2030).processId).toBeNull();
  });

  it('lists a recruitment application with its outcome, linking to the applicant’s timeline', async () => {
    const person = await t.db
      .selectFrom('people')
      .select(['id', 'township_id', 'village_id'])
      .where('id', '=', reserve.person_id)
      .executeTakeFirstOrThrow();
    const campaign = await t.db
      .insertInto('recruitment_campaigns')
      .values({
        year: 2026,
        title: '2026 年定向考录',
        status: 'published',
        rules_version: 1,
        workflow_id: 'tr-dossier',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('recruitment_campaign_rules')
      .values({ campaign_id: campaign.id, version: 1, rules: '{}' })
      .execute();
    const position = await t.db
      .insertInto('recruitment_positions')
      .values({ campaign_id: campaign.id, kind: 'civil_service', name: '乡镇公务员', places: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const application = await t.db
      .insertInto('recruitment_applications')
      .values({
        campaign_id: campaign.id,
        position_id: position.id,
        person_id: person.id,
        township_id: person.township_id,
        village_id: person.village_id,
        status: 'hired',
        rules_version: 1,
        total: 81.5,
        rank: 1,
        hired_on: '2026-11-20',
        probation_ends_on: '2027-11-19',
        workflow_id: 'tr-dossier-applicant-1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('recruitment_status_changes')
      .values({
        application_id: application.id,
        from_status: 'proposed',
        to_status: 'hired',
        reason: '拟录用公示期满，批准录用',
        changed_on: '2026-11-20',
      })
      .execute();
    const body = await (await dossier(officer, person.id)).json();
    const entries = body.entries.filter((e: { kind: string }) => e.kind === 'recruitment_application');
    expect(entries).toEqual([
      expect.objectContaining({
        role: 'applicant',
        processType: 'recruitment-applicant',
        title: '2026 年定向考录',
        status: 'hired',
        processId: 'tr-dossier-applicant-1',
        detail: expect.objectContaining({
          campaignId: campaign.id,
          position: '乡镇公务员',
          total: 81.5,
          rank: 1,
          hiredOn: '2026-11-20',
          reason: '拟录用公示期满，批准录用',
        }),
      }),
    ]);
  });

  it('answers 404 outside the scope, 200 to the county', async () => {
    expect((await dossier(officer, outside.person_id)).status).toBe(404);
    expect((await dossier(admin, outside.person_id)).status).toBe(200);
  });
});
