// A village task that no one does climbs the whole chain: the village Party secretary's review
// of a cadre, never written, is escalated to the township officer and then to the county admin.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import {
  DEFAULT_ASSESSMENT_SETTINGS,
  cadreAssessmentId,
  type CadreAssessmentInput,
} from './annual-assessment-definition.js';
import { cadreAssessment } from './cadre-assessment-workflow.js';
import { DEFAULT_RUBRIC } from './rubric.js';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
}, 120_000);
afterAll(() => h?.close());

const DAY = 24 * 3600_000;

describe('escalation chain of a village task', () => {
  it('reaches the county admin when the village secretary never reviews', async () => {
    const cadre = await h.db
      .selectFrom('users as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select(['u.id as userId', 'u.username', 'p.id as personId', 'p.name', 'p.township_id', 'p.village_id'])
      .where('u.role', '=', 'cadre')
      .where('p.township_id', '=', 2)
      .orderBy('u.id')
      .executeTakeFirstOrThrow();
    const input: CadreAssessmentInput = {
      year: 2030,
      townshipId: cadre.township_id!,
      villageId: cadre.village_id!,
      person: { personId: cadre.personId, userId: cadre.userId, name: cadre.name },
      isSecretary: false,
      rubric: DEFAULT_RUBRIC,
      settings: DEFAULT_ASSESSMENT_SETTINGS,
      startedBy: null,
    };
    const id = cadreAssessmentId('esc-', 2030, cadre.personId);
    await h.env.client.workflow.start(cadreAssessment, { taskQueue: h.taskQueue, workflowId: id, args: [input] });
    await h.act(id, 'self-report', cadre.username, { action: 'submit', form: { summary: '全年工作总结' } });
    const review = await h.openTask(id, 'review');
    expect(
      await h.db.selectFrom('tasks').select('assignee_role').where('id', '=', review.id).executeTakeFirstOrThrow(),
    ).toEqual({ assignee_role: 'village_secretary' });

    // Five working days to review, then one to the township officer, three to the county.
    await h.env.sleep(30 * DAY);
    const escalated = await vi.waitFor(
      async () => {
        const rows = await h.db
          .selectFrom('task_events')
          .select('detail')
          .where('process_id', '=', id)
          .where('action', '=', 'escalated')
          .orderBy('id')
          .execute();
        expect(rows).toHaveLength(2);
        return rows;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(escalated.map((e) => e.detail.level)).toEqual([1, 2]);
    expect(escalated.map((e) => (e.detail.to as { role: string }[])[0].role)).toEqual([
      'township_officer',
      'county_admin',
    ]);

    const [admin, officer] = await Promise.all([h.actor('admin'), h.actor(`officer-0${cadre.township_id}`)]);
    const toCounty = await h.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', admin.userId)
      .where('kind', '=', 'task_escalated')
      .where('title', 'like', '%村党组织书记评议%')
      .execute();
    expect(toCounty).toHaveLength(1);
    const toTownship = await h.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', officer.userId)
      .where('kind', '=', 'task_escalated')
      .where('title', 'like', '%村党组织书记评议%')
      .execute();
    expect(toTownship).toHaveLength(1);
    // the task stays the village secretary's, two levels escalated
    expect(
      await h.db
        .selectFrom('tasks')
        .select(['status', 'escalation_level'])
        .where('id', '=', review.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'open', escalation_level: 2 });
    await h.env.client.workflow.getHandle(id).terminate('test over');
  }, 180_000);
});
