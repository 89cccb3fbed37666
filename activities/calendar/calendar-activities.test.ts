import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createCalendarActivities, createStepScheduler } from './calendar-activities.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

// Opened Thu 2026-03-05: two working days are Fri Mar 6 and Mon Mar 9.
const input = { openedAt: '2026-03-05T10:00:00+08:00', deadline: { workingDays: 2 } };

describe('resolveStepSchedule activity', () => {
  it('honours an override stored in calendar_overrides', async () => {
    expect((await createCalendarActivities(t.db).resolveStepSchedule(input)).dueAt).toBe('2026-03-09T16:00:00.000Z');
    await t.db
      .insertInto('calendar_overrides')
      .values({ day: '2026-03-09', kind: 'holiday', name: '县里停工一天' })
      .execute();
    const schedule = await createCalendarActivities(t.db).resolveStepSchedule({
      ...input,
      remindBefore: { workingDays: 1 },
      escalateAfter: [{ workingDays: 1 }],
    });
    expect(schedule).toEqual({
      dueAt: '2026-03-10T16:00:00.000Z', // the end of Tue Mar 10
      remindAt: '2026-03-06T16:00:00.000Z', // the end of Fri Mar 6: Monday is off
      escalateAt: ['2026-03-11T16:00:00.000Z'],
    });
  });

  it('reads the table again once the cache has expired', async () => {
    let clock = 0;
    const acts = createCalendarActivities(t.db, createStepScheduler(t.db, { now: () => clock }));
    const opened = { openedAt: '2026-03-12T10:00:00+08:00', deadline: { workingDays: 2 } }; // Fri Mar 13, Mon Mar 16
    expect((await acts.resolveStepSchedule(opened)).dueAt).toBe('2026-03-16T16:00:00.000Z');
    await t.db.insertInto('calendar_overrides').values({ day: '2026-03-14', kind: 'workday', name: '补班' }).execute();
    clock += 1_000;
    expect((await acts.resolveStepSchedule(opened)).dueAt).toBe('2026-03-16T16:00:00.000Z'); // still cached
    clock += 60_000;
    expect((await acts.resolveStepSchedule(opened)).dueAt).toBe('2026-03-14T16:00:00.000Z');
  });

  it('refuses a bad schedule without retrying', async () => {
    const error = await createCalendarActivities(t.db)
      .resolveStepSchedule({
        openedAt: '2026-03-05T10:00:00+08:00',
        deadline: { days: 1 },
        escalateAfter: [{ days: 2 }, { days: 1 }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'InvalidStepSchedule', nonRetryable: true });
  });
});
