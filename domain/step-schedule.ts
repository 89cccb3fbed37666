// When a human step is due, when to remind its assignee and when to escalate. Workflow code
// imports only the types from here: the function runs in an activity, so that its answer is
// recorded in the workflow's history and a later change of the holiday data or of the
// county's overrides never changes the replay of a running workflow.
//
// The rules:
// - `{ days: n }` and `{ hours: n }` are plain durations: n × 24 h and n × 1 h. They ignore
//   holidays on purpose: "within 14 days" in a notice means calendar days. Both may be
//   fractions (half a day, or the few seconds a demonstration escalates after); working days
//   are whole.
// - A deadline of `{ workingDays: n }` ends at 24:00 China time (the next day's 00:00 +08:00)
//   of the n-th working day after the day the step opened; the opening day never counts, as
//   the afternoon of a half-spent day is not a day to work in.
// - A deadline `{ at }` is that instant; it must be after the opening.
// - `remindBefore` counts back from the deadline: working days give the same clock time on
//   the n-th working day before; days and hours simply subtract. A reminder that would come
//   before the step opened is dropped (null): too short a step to need one.
// - `escalateAfter` offsets each count forward from the deadline (not from one another), in
//   order; each must come later than the one before it, the first later than the deadline.
// - For working days, 00:00 China time is read as 24:00 of the day before, so "the end of
//   Friday" plus one working day is the end of Monday, not the end of Sunday.
// All instants returned are ISO strings in UTC ('...Z').
import type { Deadline, Offset } from '../workflows/human-step/types.js';
import { chinaDayOf } from './china-time.js';
import { chinaStartOf, shiftDay, type WorkingCalendar } from './working-days.js';

export interface StepScheduleInput {
  /** When the step opened: an ISO instant with its zone ('Z' or '+08:00'). */
  openedAt: string;
  deadline: Deadline;
  remindBefore?: Offset;
  escalateAfter?: Offset[];
}

export interface StepSchedule {
  dueAt: string;
  remindAt: string | null;
  escalateAt: string[];
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

// A zone is required: a bare '2025-09-30T10:00' would be read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(text: string, what: string): number {
  const ms = typeof text === 'string' && INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO instant with a zone: ${JSON.stringify(text)}`);
  return ms;
}

type Checked = { unit: 'days' | 'workingDays' | 'hours'; n: number };

function checkOffset(offset: Offset, what: string): Checked {
  const keys = offset && typeof offset === 'object' ? Object.keys(offset) : [];
  const unit = keys[0];
  if (keys.length !== 1 || (unit !== 'days' && unit !== 'workingDays' && unit !== 'hours')) {
    throw new RangeError(`${what} must be one of { days }, { workingDays }, { hours }: ${JSON.stringify(offset)}`);
  }
  const n = (offset as Record<string, unknown>)[unit];
  const whole = unit === 'workingDays';
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new RangeError(`${what}.${unit} must be a positive ${whole ? 'whole ' : ''}number: ${JSON.stringify(n)}`);
  }
  return { unit, n };
}

/** The instant moved by the offset, later (+1) or earlier (-1). */
function shift(calendar: WorkingCalendar, instantMs: number, { unit, n }: Checked, direction: 1 | -1): number {
  if (unit === 'days') return instantMs + direction * n * DAY_MS;
  if (unit === 'hours') return instantMs + direction * n * HOUR_MS;
  let day = chinaDayOf(instantMs);
  let clock = instantMs - chinaStartOf(day);
  if (clock === 0) {
    day = shiftDay(day, -1);
    clock = DAY_MS;
  }
  const target = direction === 1 ? calendar.addWorkingDays(day, n) : calendar.subtractWorkingDays(day, n);
  return chinaStartOf(target) + clock;
}

function dueAtOf(calendar: WorkingCalendar, openedMs: number, deadline: Deadline): number {
  if (deadline && typeof deadline === 'object' && 'at' in deadline) {
    const due = parseInstant(deadline.at, 'deadline.at');
    if (due <= openedMs) throw new RangeError(`deadline.at ${deadline.at} is not after the opening`);
    return due;
  }
  const offset = checkOffset(deadline, 'deadline');
  if (offset.unit !== 'workingDays') return shift(calendar, openedMs, offset, 1);
  const lastDay = calendar.addWorkingDays(chinaDayOf(openedMs), offset.n);
  return chinaStartOf(shiftDay(lastDay, 1));
}

export function resolveStepSchedule(calendar: WorkingCalendar, input: StepScheduleInput): StepSchedule {
  const openedMs = parseInstant(input.openedAt, 'openedAt');
  const dueMs = dueAtOf(calendar, openedMs, input.deadline);

  let remindAt: string | null = null;
  if (input.remindBefore !== undefined) {
    const remindMs = shift(calendar, dueMs, checkOffset(input.remindBefore, 'remindBefore'), -1);
    remindAt = remindMs < openedMs ? null : new Date(remindMs).toISOString();
  }

  const escalateAt: string[] = [];
  let previousMs = dueMs;
  (input.escalateAfter ?? []).forEach((offset, i) => {
    const at = shift(calendar, dueMs, checkOffset(offset, `escalateAfter[${i}]`), 1);
    if (at <= previousMs) {
      throw new RangeError(`escalateAfter[${i}] (${JSON.stringify(offset)}) is not later than the step before it`);
    }
    escalateAt.push(new Date(at).toISOString());
    previousMs = at;
  });

  return { dueAt: new Date(dueMs).toISOString(), remindAt, escalateAt };
}
