// The diagram the console draws is the catalogue itself, and the county's progress table counts
// an objection's answer under 异议答复 — the key it is stored under is objection.o1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskActivities } from '../../activities/human-steps/task-activities.js';
import { annualAssessmentSteps } from '../../workflows/annual-assessment/annual-assessment-steps.js';
import { stepViews } from '../../workflows/human-step/step-catalogue.js';
import { mentorPairingSteps } from '../../workflows/mentor-pairing/mentor-pairing-steps.js';
import { reserveCultivationSteps } from '../../workflows/reserve-cultivation/reserve-cultivation-steps.js';
import { reserveIntakeSteps } from '../../workflows/reserve-cultivation/reserve-intake-steps.js';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { assessmentProgress } from './annual-assessment/assessment-progress.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
}, 120_000);
afterAll(() => t.close());

describe('process definitions', () => {
  it('serves each process type with its catalogue as the diagram', async () => {
    const res = await t.request('/api/processes/definitions', { as: admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; steps: unknown[] }[];
    expect(body.find((d) => d.type === 'mentor-pairing')?.steps).toEqual(stepViews(mentorPairingSteps));
    expect(body.find((d) => d.type === 'annual-assessment')?.steps).toEqual(stepViews(annualAssessmentSteps));
  });

  it('draws both reserve workflows: the yearly intake and each reserve’s cultivation', async () => {
    const res = await t.request('/api/processes/definitions', { as: admin });
    const body = (await res.json()) as { type: string; name: string; steps: { key: string; next: string[] }[] }[];
    const intake = body.find((d) => d.type === 'reserve-intake');
    const cultivation = body.find((d) => d.type === 'reserve-cultivation');
    expect(intake).toMatchObject({ name: '后备干部推选', steps: stepViews(reserveIntakeSteps) });
    expect(cultivation).toMatchObject({ name: '后备干部培养', steps: stepViews(reserveCultivationSteps) });
    // Every arrow of the diagram lands on a step of the same diagram (or the end).
    for (const d of [intake!, cultivation!]) {
      const keys = new Set(d.steps.map((s) => s.key));
      for (const s of d.steps)
        for (const n of s.next) expect(keys.has(n) || n === 'end', `${d.type}: ${s.key} → ${n}`).toBe(true);
    }
    // The township officer's and county's steps are on it: nomination to 入库, trial to use.
    expect([...intake!.steps.map((s) => s.key)]).toEqual(expect.arrayContaining(['nomination', 'county-review']));
    expect([...cultivation!.steps.map((s) => s.key)]).toEqual(
      expect.arrayContaining(['trial', 'talk.mentor', 'review', 'used', 'exited']),
    );
  });

  it('counts objection.o1 under its family in the progress table', async () => {
    const acts = createTaskActivities(t.db);
    const id = 'progress-test-annual-assessment-2031-t5';
    await acts.registerProcess({
      id,
      type: 'annual-assessment',
      title: '测试',
      townshipId: 5,
      villageId: null,
      subjectPersonId: null,
      startedBy: null,
      params: {},
    });
    for (const [n, stepKey] of ['objection.o1', 'objection.o2', 'reminder-talk.p9'].entries()) {
      await acts.openTask({
        taskKey: `${id}:${stepKey}:1`,
        processId: id,
        processType: 'annual-assessment',
        stepKey,
        stepName: `step ${n}`,
        round: 1,
        form: 'objectionAnswer',
        actions: ['approve', 'reject'],
        assignee: { kind: 'role', role: 'township_officer', townshipId: 5 },
        townshipId: 5,
        villageId: null,
        dueAt: '2031-12-01T16:00:00.000Z',
        context: {},
      });
    }
    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    const rows = await assessmentProgress(
      t.db,
      {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role,
        townshipId: null,
        villageId: null,
        personId: null,
      },
      2031,
    );
    expect(rows.find((r) => r.townshipId === 5)?.steps).toEqual({ 'objection.answer': 2, 'reminder-talk': 1 });
  });
});
