// Deadlines of human steps, computed outside the workflow: holidays and the county's
// overrides change over time, and the answer must be fixed in the workflow's history the
// moment it is given, so that a replay never recomputes it.
import { ApplicationFailure } from '@temporalio/common';
import type { DB } from '../../db/database.js';
import { resolveStepSchedule, type StepSchedule, type StepScheduleInput } from '../../domain/step-schedule.js';
import { WorkingCalendar } from '../../domain/working-days.js';

/** Overrides change a few times a year; a minute's delay before a new one counts is fine. */
export const CALENDAR_CACHE_TTL_MS = 60_000;

/** Resolves a step's schedule against the working calendar, read at most once a TTL. */
export type StepScheduler = (input: StepScheduleInput) => Promise<StepSchedule>;

export function createStepScheduler(db: DB, options: { cacheTtlMs?: number; now?: () => number } = {}): StepScheduler {
  const ttl = options.cacheTtlMs ?? CALENDAR_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let cached: { calendar: Promise<WorkingCalendar>; loadedAt: number } | undefined;

  async function load(): Promise<WorkingCalendar> {
    const rows = await db.selectFrom('calendar_overrides').select(['day', 'kind', 'name']).execute();
    return new WorkingCalendar(rows);
  }

  function calendar(): Promise<WorkingCalendar> {
    if (!cached || now() - cached.loadedAt >= ttl) {
      const entry = { calendar: load(), loadedAt: now() };
      // A failed load is not kept: the activity's retry reads the table again.
      entry.calendar.catch(() => {
        if (cached === entry) cached = undefined;
      });
      cached = entry;
    }
    return cached.calendar;
  }

  return async (input) => {
    const current = await calendar();
    try {
      return resolveStepSchedule(current, input);
    } catch (error) {
      // A bad offset or instant is in the process definition: retrying cannot mend it.
      if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidStepSchedule');
      throw error;
    }
  };
}

export function createCalendarActivities(db: DB, scheduler: StepScheduler = createStepScheduler(db)) {
  return {
    resolveStepSchedule(input: StepScheduleInput): Promise<StepSchedule> {
      return scheduler(input);
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
