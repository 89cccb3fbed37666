// A whole pairing term — a year and a six-month extension — in seconds, on the time-skipping
// test server, with the real activities writing to PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairingInput } from '../../test/support/pairing-input.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { MentorPairingInput } from './mentor-pairing-definition.js';
import { mentorPairing } from './mentor-pairing-workflow.js';
import { endPairingEarlyUpdate, reassignMentorUpdate } from './mentor-pairing-definition.js';

const recordHistory = (id: string) => h.recordHistory(id);

let h: ProcessHarness;
let input: MentorPairingInput;
let menteeUser: string;
let mentorUser: string;

const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createProcessHarness();
  const officer = await h.actor('officer-01');
  ({ input, menteeUser, mentorUser } = await pairingInput(h.db, officer.userId));
}, 120_000);
afterAll(() => h?.close());

async function advanceTo(instant: Date) {
  const now = await h.env.currentTimeMs();
  if (instant.getTime() > now) await h.env.sleep(instant.getTime() - now);
}

async function events(processId: string, stepKey: string) {
  return h.db
    .selectFrom('task_events')
    .select(['action', 'at', 'detail'])
    .where('process_id', '=', processId)
    .where((eb) => eb(eb.ref('detail', '->>').key('step' as never), '=', stepKey))
    .orderBy('id')
    .execute();
}

const exchange = (month: number) => ({
  date: '2026-01-15',
  form: 'visit',
  notes: `第${month}月走访，了解工作进展`,
  problemsSolved: '协调解决灌溉问题',
});

describe('mentor pairing over a term', () => {
  it('runs proposal, growth plan with rework, monthly exchanges, mid-term review, an extension after 不合格, and sign-off', async () => {
    const id = 'mentor-pairing-full-term';
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [input],
    });

    await h.act(id, 'proposal.approval', 'secretary-01', { action: 'approve', form: {} });
    await h.act(id, 'growth-plan.draft', menteeUser, { action: 'submit', form: { goals: ['熟悉村务工作'] } });
    await h.act(id, 'growth-plan.review', mentorUser, {
      action: 'return',
      returnTo: 'growth-plan.draft',
      comment: '目标太少，请补充',
      form: {},
    });
    await h.act(id, 'growth-plan.draft', menteeUser, {
      action: 'submit',
      form: { goals: ['熟悉村务工作', '牵头一个产业项目'], measures: '每月跟班学习' },
    });
    await h.act(id, 'growth-plan.review', mentorUser, { action: 'approve', form: {} });
    await h.act(id, 'growth-plan.approval', 'officer-01', { action: 'approve', form: { opinion: '同意' } });
    // The approval that ends the growth plan says, in its own write, that the month's exchange is what is left.
    const waiting = await h.db
      .selectFrom('tasks')
      .select('step_name')
      .where('process_id', '=', id)
      .where('status', '=', 'open')
      .execute();
    expect(waiting.map((t) => t.step_name)).toEqual([expect.stringContaining('交流')]);
    const process = await h.db
      .selectFrom('processes')
      .select('current_step')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(process.current_step).toBe(waiting[0].step_name);

    // Twelve months: the mentor records every exchange except month 3's.
    for (let month = 1; month <= 12; month++) {
      const task = await h.openTask(id, `exchange.m${month}`);
      if (month !== 3) await h.act(id, `exchange.m${month}`, mentorUser, { action: 'submit', form: exchange(month) });
      if (month === 6) {
        await advanceTo(new Date(task.due_at.getTime() + 1000));
        await h.act(id, 'midterm.review', mentorUser, {
          action: 'submit',
          form: { progress: '进步明显', nextSteps: '加强群众工作' },
        });
      }
      await advanceTo(new Date(task.due_at.getTime() + 1000));
    }

    // Month 3 was never recorded: reminded 3 days before its end, overdue at the end, the
    // township officer told 7 days later.
    const m3 = await h.db
      .selectFrom('tasks')
      .select(['id', 'due_at', 'status', 'escalation_level'])
      .where('process_id', '=', id)
      .where('step_key', '=', 'exchange.m3')
      .executeTakeFirstOrThrow();
    const m3Events = await events(id, 'exchange.m3');
    const at = (action: string) => new Date(m3Events.find((e) => e.action === action)!.at).getTime();
    // A timer fires at its instant; the event carries the time of the workflow task that
    // handled it, milliseconds later, or seconds on a busy machine. A wrong day is days off.
    const firedAt = (action: string, instant: number) => {
      expect(at(action)).toBeGreaterThanOrEqual(instant);
      expect(at(action) - instant).toBeLessThan(60_000);
    };
    firedAt('reminded', m3.due_at.getTime() - 3 * DAY);
    firedAt('overdue', m3.due_at.getTime());
    firedAt('escalated', m3.due_at.getTime() + 7 * DAY);
    // … and the county a week after that: the chain's second hop.
    const escalatedAt = m3Events.filter((e) => e.action === 'escalated').map((e) => new Date(e.at).getTime());
    expect(escalatedAt).toHaveLength(2);
    expect(escalatedAt[1] - (m3.due_at.getTime() + 14 * DAY)).toBeGreaterThanOrEqual(0);
    expect(escalatedAt[1] - (m3.due_at.getTime() + 14 * DAY)).toBeLessThan(60_000);
    expect(m3.escalation_level).toBe(2);
    const [officerId, adminId] = [(await h.actor('officer-01')).userId, (await h.actor('admin')).userId];
    for (const userId of [officerId, adminId]) {
      const escalations = await h.db
        .selectFrom('notifications')
        .select(['title', 'task_id'])
        .where('user_id', '=', userId)
        .where('kind', '=', 'task_escalated')
        .execute();
      expect(escalations).toContainEqual({ title: expect.stringContaining('第 3 月定期交流'), task_id: m3.id });
    }

    // End of term: both evaluate; 不合格 extends the term by six months.
    await h.act(id, 'final.self-evaluation', menteeUser, { action: 'submit', form: { summary: '一年来的工作总结' } });
    await h.act(id, 'final.mentor-evaluation', mentorUser, {
      action: 'submit',
      form: { grade: 'unqualified', comments: '群众工作仍需加强' },
    });
    await h.act(id, 'final.sign-off', 'officer-01', { action: 'approve', form: {} });
    for (let month = 13; month <= 18; month++) {
      const task = await h.openTask(id, `exchange.m${month}`);
      await h.act(id, `exchange.m${month}`, mentorUser, { action: 'submit', form: exchange(month) });
      await advanceTo(new Date(task.due_at.getTime() + 1000));
    }
    await h.act(id, 'final.self-evaluation', menteeUser, { action: 'submit', form: { summary: '延长期总结' } });
    await h.act(id, 'final.mentor-evaluation', mentorUser, {
      action: 'submit',
      form: { grade: 'qualified', comments: '已达到要求' },
    });
    await h.act(id, 'final.sign-off', 'officer-01', {
      action: 'return',
      returnTo: 'final.mentor-evaluation',
      comment: '请补充具体事例',
      form: {},
    });
    await h.act(id, 'final.mentor-evaluation', mentorUser, {
      action: 'submit',
      form: { grade: 'qualified', comments: '牵头完成了产业项目' },
    });
    await h.act(id, 'final.sign-off', 'officer-01', { action: 'approve', form: {} });

    const outcome = await handle.result();
    expect(outcome).toMatchObject({
      status: 'completed',
      grade: 'qualified',
      extended: true,
      exchangesRecorded: 17,
      exchangesMissed: 1,
    });
    const row = await h.db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'completed',
      current_step: null,
      township_id: 1,
      subject_person_id: input.mentee.personId,
    });
    expect(
      await h.db.selectFrom('tasks').select('id').where('process_id', '=', id).where('status', '=', 'open').execute(),
    ).toEqual([]);
    const timeline = await h.db.selectFrom('task_events').select('action').where('process_id', '=', id).execute();
    const actions = timeline.map((e) => e.action);
    for (const a of [
      'opened',
      'approve',
      'submit',
      'return',
      'reminded',
      'overdue',
      'escalated',
      'term_extended',
      'cancelled',
    ])
      expect(actions).toContain(a);
    await recordHistory(id);
  }, 180_000);

  it('ends when the township Party secretary rejects the proposal, with the reason kept', async () => {
    const id = 'mentor-pairing-rejected';
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [input],
    });
    await h.act(id, 'proposal.approval', 'secretary-01', {
      action: 'reject',
      comment: '导师本人工作任务较重',
      form: {},
    });
    expect(await handle.result()).toMatchObject({ status: 'rejected', reason: '导师本人工作任务较重' });
    expect(
      (await h.db.selectFrom('processes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('rejected');
    await recordHistory(id);
  });

  it('passes the open tasks to a new mentor, keeps the history, and ends early with a reason', async () => {
    const id = 'mentor-pairing-reassigned';
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [input],
    });
    await h.act(id, 'proposal.approval', 'secretary-01', { action: 'approve', form: {} });
    const exchangeTask = await h.openTask(id, 'exchange.m1');
    const newMentor = await h.db
      .selectFrom('users as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select(['u.id as userId', 'u.username', 'p.id as personId', 'p.name'])
      .where('u.role', '=', 'mentor')
      .where('p.id', '!=', input.mentor.personId)
      .orderBy('u.id')
      .executeTakeFirstOrThrow();
    const officer = await h.actor('officer-01');
    // A cadre may not replace the mentor: the validator refuses before anything changes.
    await expect(
      handle.executeUpdate(reassignMentorUpdate, {
        args: [{ actor: await h.actor(menteeUser), mentor: newMentor, reason: '想换' }],
      }),
    ).rejects.toThrow();
    const moved = await handle.executeUpdate(reassignMentorUpdate, {
      args: [
        {
          actor: officer,
          mentor: { personId: newMentor.personId, userId: newMentor.userId, name: newMentor.name },
          reason: '原导师调离',
        },
      ],
    });
    expect(moved.moved).toBe(1);
    const task = await h.db
      .selectFrom('tasks')
      .select(['assignee_user_id', 'status'])
      .where('id', '=', exchangeTask.id)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ assignee_user_id: newMentor.userId, status: 'open' });
    // The old mentor can no longer record; the new one can.
    await expect(h.act(id, 'exchange.m1', mentorUser, { action: 'submit', form: exchange(1) })).rejects.toThrow();
    await h.act(id, 'exchange.m1', newMentor.username, { action: 'submit', form: exchange(1) });

    await handle.executeUpdate(endPairingEarlyUpdate, { args: [{ actor: officer, reason: '被帮带干部调任' }] });
    expect(await handle.result()).toMatchObject({
      status: 'ended_early',
      reason: '被帮带干部调任',
      mentorPersonId: newMentor.personId,
      exchangesRecorded: 1,
    });
    expect(
      await h.db.selectFrom('tasks').select('id').where('process_id', '=', id).where('status', '=', 'open').execute(),
    ).toEqual([]);
    const actions = (await h.db.selectFrom('task_events').select('action').where('process_id', '=', id).execute()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['transferred', 'mentor_reassigned', 'ended_early', 'cancelled']));
    await recordHistory(id);
  });
});
