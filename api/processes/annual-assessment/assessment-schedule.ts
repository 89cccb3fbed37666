// The yearly start of the annual assessment (年度考核) as a Temporal Schedule: one calendar
// moment a year in China time. Its action starts `assessmentCycle` without a year, so each run
// assesses the year of its own scheduled moment (a backfilled past moment, that past year).
import {
  MONTHS,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
  type ScheduleSpec,
} from '@temporalio/client';
import { CHINA_OFFSET_MS, CHINA_TIME_ZONE } from '../../../domain/china-time.js';
import type {
  AssessmentSettings,
  CycleInput,
} from '../../../workflows/annual-assessment/annual-assessment-definition.js';
import type { assessmentCycle } from '../../../workflows/annual-assessment/assessment-cycle-workflow.js';
import { DEFAULT_RUBRIC, type Rubric } from '../../../workflows/annual-assessment/rubric.js';

/** The county works in China time; the schedule's calendar is read in it. */
export const SCHEDULE_TIME_ZONE = CHINA_TIME_ZONE;

export const assessmentScheduleId = (idPrefix: string) => `${idPrefix}annual-assessment-yearly`;
/** Temporal appends the scheduled moment to it: `…annual-assessment-cycle-2026-03-01T01:00:00Z`. */
export const scheduledCycleWorkflowId = (idPrefix: string) => `${idPrefix}annual-assessment-cycle`;

export interface ScheduleMoment {
  /** 1–12 */
  month: number;
  /** 1–28, so every year has it. */
  day: number;
  /** 0–23, China time. */
  hour: number;
}

export interface ScheduleInput extends ScheduleMoment {
  townshipIds?: number[];
  rubric?: Rubric;
  settings?: Partial<AssessmentSettings>;
  taskQueue: string;
  idPrefix: string;
  startedBy: number | null;
}

export interface ScheduleState {
  exists: boolean;
  month: number | null;
  day: number | null;
  hour: number | null;
  paused: boolean;
  note: string | null;
  /** The next three moments, as ISO instants. */
  nextRuns: string[];
  recentRuns: { scheduledAt: string; workflowId: string }[];
  townshipIds: number[] | null;
  rubric: Rubric | null;
  settings: Partial<AssessmentSettings> | null;
}

const NO_SCHEDULE: ScheduleState = {
  exists: false,
  month: null,
  day: null,
  hour: null,
  paused: false,
  note: null,
  nextRuns: [],
  recentRuns: [],
  townshipIds: null,
  rubric: null,
  settings: null,
};

function specOf({ month, day, hour }: ScheduleMoment): ScheduleSpec {
  return {
    calendars: [
      { month: MONTHS[month - 1], dayOfMonth: day, hour, minute: 0, second: 0, comment: '年度考核 annual assessment' },
    ],
    timezone: SCHEDULE_TIME_ZONE,
  };
}

function actionOf(input: ScheduleInput) {
  // No `year`: the workflow takes the year of the moment it was scheduled for.
  const cycle: CycleInput = {
    rubric: input.rubric ?? DEFAULT_RUBRIC,
    settings: input.settings,
    startedBy: input.startedBy,
    idPrefix: input.idPrefix,
    townshipIds: input.townshipIds,
  };
  return {
    type: 'startWorkflow' as const,
    workflowType: 'assessmentCycle',
    args: [cycle] as [CycleInput],
    taskQueue: input.taskQueue,
    workflowId: scheduledCycleWorkflowId(input.idPrefix),
  };
}

const POLICIES = {
  // Township workflow ids already make a second start of a year a no-op; never skip a start
  // because an older launcher is still open.
  overlap: ScheduleOverlapPolicy.ALLOW_ALL,
  // Temporal down on the day: still start within a month; later than that, backfill by hand.
  catchupWindow: '30 days',
};

/** Creates the schedule, or changes the moment and the action of the existing one (paused stays paused). */
export async function upsertSchedule(client: Client, input: ScheduleInput): Promise<{ created: boolean }> {
  const scheduleId = assessmentScheduleId(input.idPrefix);
  const spec = specOf(input);
  const action = actionOf(input);
  try {
    await client.schedule.create<typeof assessmentCycle>({
      scheduleId,
      spec,
      action,
      policies: POLICIES,
      state: { note: '年度考核定时启动' },
    });
    return { created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update<typeof assessmentCycle>((previous) => ({
    spec,
    action,
    policies: POLICIES,
    state: { paused: previous.state.paused, note: previous.state.note },
  }));
  return { created: false };
}

function momentOf(description: ScheduleDescription): ScheduleMoment | null {
  const calendar = description.spec.calendars?.[0];
  if (!calendar) return null;
  return {
    month: MONTHS.indexOf(calendar.month[0].start) + 1,
    day: calendar.dayOfMonth[0].start,
    hour: calendar.hour[0].start,
  };
}

/** The schedule as the console shows it; `exists: false` when none was set up. */
export async function describeSchedule(client: Client, idPrefix: string): Promise<ScheduleState> {
  let description: ScheduleDescription;
  try {
    description = await client.schedule.getHandle(assessmentScheduleId(idPrefix)).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return NO_SCHEDULE;
    throw error;
  }
  const moment = momentOf(description);
  const cycle = description.action.args?.[0] as CycleInput | undefined;
  return {
    exists: true,
    month: moment?.month ?? null,
    day: moment?.day ?? null,
    hour: moment?.hour ?? null,
    paused: description.state.paused,
    note: description.state.note ?? null,
    nextRuns: description.info.nextActionTimes.slice(0, 3).map((d) => d.toISOString()),
    recentRuns: description.info.recentActions.map((a) => ({
      scheduledAt: a.scheduledAt.toISOString(),
      workflowId: a.action.workflow.workflowId,
    })),
    townshipIds: cycle?.townshipIds ?? null,
    rubric: cycle?.rubric ?? null,
    settings: cycle?.settings ?? null,
  };
}

/** The instant of the schedule's moment in a given year (the calendar is China time, UTC+8 all year). */
export function momentInYear(year: number, { month, day, hour }: ScheduleMoment): Date {
  return new Date(Date.UTC(year, month - 1, day, hour) - CHINA_OFFSET_MS);
}

/**
 * Runs the schedule's moment of a past year now, as if it had fired then: the run's scheduled
 * time is that moment, so the cycle assesses that year. Returns the moment.
 */
export async function backfillYear(
  client: Client,
  idPrefix: string,
  year: number,
  moment: ScheduleMoment,
): Promise<Date> {
  const at = momentInYear(year, moment);
  await client.schedule.getHandle(assessmentScheduleId(idPrefix)).backfill({
    start: new Date(at.getTime() - 60_000),
    end: new Date(at.getTime() + 60_000),
    overlap: ScheduleOverlapPolicy.ALLOW_ALL,
  });
  return at;
}

/** Pause, unpause or start now; a missing schedule is ScheduleNotFoundError. */
export async function pauseSchedule(client: Client, idPrefix: string, note: string): Promise<void> {
  await client.schedule.getHandle(assessmentScheduleId(idPrefix)).pause(note);
}

export async function unpauseSchedule(client: Client, idPrefix: string, note: string): Promise<void> {
  await client.schedule.getHandle(assessmentScheduleId(idPrefix)).unpause(note);
}

export async function triggerSchedule(client: Client, idPrefix: string): Promise<void> {
  await client.schedule.getHandle(assessmentScheduleId(idPrefix)).trigger(ScheduleOverlapPolicy.ALLOW_ALL);
}
