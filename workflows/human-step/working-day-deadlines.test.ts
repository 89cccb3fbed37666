// A step whose deadline is in working days, opened just before two extra holidays the county
// entered: the reminder, the overdue notice and the escalation land on the right instants.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chinaDayOf as chinaDay, chinaIso } from '../../domain/china-time.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import { mentorPairing } from '../mentor-pairing/mentor-pairing-workflow.js';

const DAY = 24 * 3600_000;
let h: ProcessHarness;

beforeAll(async () => {
  h = await createProcessHarness();
}, 120_000);
afterAll(() => h?.close());

/** 00:00 China time of the day after `day`, as an instant: the end of that working day. */
const endOfChinaDay = (day: string) => Date.parse(chinaIso(day)) + DAY;
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
const nextDay = (day: string) => chinaDay(Date.parse(chinaIso(day, '12:00:00')) + DAY);

describe('working-day deadlines across holidays', () => {
  it('count only working days, honour the county’s extra holidays, and remind and escalate on time', async () => {
    const now = await h.env.currentTimeMs();
    // The first two weekdays after tomorrow become holidays (say, a local festival).
    const holidays: string[] = [];
    for (let day = nextDay(nextDay(chinaDay(now))); holidays.length < 2; day = nextDay(day))
      if (!isWeekend(day)) holidays.push(day);
    await h.db
      .insertInto('calendar_overrides')
      .values(holidays.map((day) => ({ day, kind: 'holiday' as const, name: '本地节假日' })))
      .execute();

    const ids = await h.db
      .selectFrom('users as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select(['u.id as userId', 'u.role', 'p.id as personId', 'p.name', 'p.village_id'])
      .where('p.township_id', '=', 2)
      .where((eb) =>
        eb.or([eb('u.role', '=', 'mentor'), eb.and([eb('u.role', '=', 'cadre'), eb('p.newly_elected', '=', true)])]),
      )
      .orderBy('u.id')
      .execute();
    const mentor = ids.find((r) => r.role === 'mentor')!;
    const mentee = ids.find((r) => r.role === 'cadre')!;
    const id = 'working-day-deadline';
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [
        {
          townshipId: 2,
          villageId: mentee.village_id,
          mentee: { personId: mentee.personId, userId: mentee.userId, name: mentee.name },
          mentor: { personId: mentor.personId, userId: mentor.userId, name: mentor.name },
          proposedBy: (await h.actor('officer-02')).userId,
          settings: { approvalWorkingDays: 3 },
        },
      ],
    });
    const task = await h.openTask(id, 'proposal.approval');
    // The 'opened' event follows the row by an activity; it carries the workflow's clock.
    let opened: { at: Date | string } | undefined;
    while (!opened) {
      opened = await h.db
        .selectFrom('task_events')
        .select('at')
        .where('process_id', '=', id)
        .where('action', '=', 'opened')
        .executeTakeFirst();
      if (!opened) await new Promise((r) => setTimeout(r, 20));
    }

    // Counted by hand: three working days after the opening day, skipping weekends and the two holidays.
    const workingDaysAfter = (from: string, n: number) => {
      let day = from;
      for (let counted = 0; counted < n;) {
        day = nextDay(day);
        if (!isWeekend(day) && !holidays.includes(day)) counted++;
      }
      return day;
    };
    const dueDay = workingDaysAfter(chinaDay(new Date(opened.at).getTime()), 3);
    expect(task.due_at.getTime()).toBe(endOfChinaDay(dueDay));

    await h.env.sleep(task.due_at.getTime() - (await h.env.currentTimeMs()) + 10 * DAY);
    // Timers fire in skipped time; the activities recording them still take real milliseconds.
    const events = await vi.waitFor(
      async () => {
        const rows = await h.db
          .selectFrom('task_events')
          .select(['action', 'at'])
          .where('process_id', '=', id)
          .execute();
        expect(rows.map((e) => e.action)).toContain('escalated');
        return rows;
      },
      { timeout: 20_000, interval: 100 },
    );
    const at = (action: string) => new Date(events.find((e) => e.action === action)!.at).getTime();
    // The event carries the workflow's clock when its task ran, which on a busy machine trails
    // the timer by real seconds; a wrong day would be hours off.
    const near = (actual: number, expected: number) => {
      expect(actual).toBeGreaterThanOrEqual(expected);
      expect(actual - expected).toBeLessThan(60_000);
    };
    // Reminder: one working day before the deadline, at the same clock time (end of the day before).
    near(at('reminded'), endOfChinaDay(workingDaysAfter(chinaDay(new Date(opened.at).getTime()), 2)));
    near(at('overdue'), task.due_at.getTime());
    // Escalation: two working days after the deadline, to the county (the assignee is a township role).
    near(at('escalated'), endOfChinaDay(workingDaysAfter(dueDay, 2)));
    const admin = await h.actor('admin');
    await vi.waitFor(
      async () => {
        const told = await h.db
          .selectFrom('notifications')
          .select('kind')
          .where('user_id', '=', admin.userId)
          .where('task_id', '=', task.id)
          .execute();
        expect(told).toContainEqual({ kind: 'task_escalated' });
      },
      { timeout: 20_000, interval: 100 },
    );
    await handle.cancel();
  }, 120_000);
});
