// Working days in China: the State Council's yearly holidays and make-up workdays (调休), as
// shipped by the `chinese-days` package, with the county's own overrides winning over it.
//
// We read the package's data file rather than calling its isWorkday/getDayDetail: those
// build their tables with the process's local time zone, and in a zone west of UTC every
// date comes out a day early (2025-01-01 reads as a working day). The data file has plain
// 'YYYY-MM-DD' keys and means the same on every machine.
//
// Days are 'YYYY-MM-DD' in China time (UTC+8, no daylight saving), so all day arithmetic
// here is done on UTC dates and never touches the local zone.
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CHINA_OFFSET_MS } from './china-time.js';

export interface CalendarOverride {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const { holidays: HOLIDAYS, workdays: WORKDAYS } = holidayData as unknown as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

function yearsOf(days: string[]): { first: number; last: number } {
  const years = days.map((day) => Number(day.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * The years the package knows (2004–2026 in chinese-days 1.5.7), taken from its data so an
 * upgrade widens it by itself. A day outside these years falls back to Monday–Friday: the
 * holidays of a year are published only in the November before, so until the package knows
 * them the county admin enters them as overrides. A running workflow is not affected by a
 * later upgrade: its schedule was computed once in an activity and kept in its history.
 */
export const LIBRARY_YEARS = yearsOf(Object.keys(HOLIDAYS));

const DAY_MS = 24 * 60 * 60 * 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar day written 'YYYY-MM-DD' (so not '2026-02-30'). */
export function isDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === text;
}

function dayMs(day: string): number {
  if (!isDay(day)) throw new RangeError(`not a day 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  return Date.parse(`${day}T00:00:00Z`);
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` calendar days after (or before, for negative n) the given one. */
export function shiftDay(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY_MS);
}

/** The instant a China-time day begins (00:00 +08:00), in milliseconds since the epoch. */
export function chinaStartOf(day: string): number {
  return dayMs(day) - CHINA_OFFSET_MS;
}

/** A longer count is a mistake in a process definition, not a real deadline (~20 years). */
const MAX_WORKING_DAYS = 5000;

export class WorkingCalendar {
  private readonly overrides: ReadonlyMap<string, CalendarOverride>;

  constructor(overrides: CalendarOverride[]) {
    const map = new Map<string, CalendarOverride>();
    for (const override of overrides) {
      dayMs(override.day); // refuses a malformed day
      map.set(override.day, override);
    }
    this.overrides = map;
  }

  /** Override first, then the package for the years it knows, else Monday–Friday. */
  isWorkingDay(day: string): boolean {
    const ms = dayMs(day);
    const override = this.overrides.get(day);
    if (override) return override.kind === 'workday';
    const year = Number(day.slice(0, 4));
    if (year >= LIBRARY_YEARS.first && year <= LIBRARY_YEARS.last) {
      if (Object.hasOwn(WORKDAYS, day)) return true;
      if (Object.hasOwn(HOLIDAYS, day)) return false;
    }
    const weekday = new Date(ms).getUTCDay(); // 0 is Sunday
    return weekday >= 1 && weekday <= 5;
  }

  /** The n-th working day after `day`; `day` itself never counts, working or not. n = 0 gives `day`. */
  addWorkingDays(day: string, n: number): string {
    return this.walk(day, n, 1);
  }

  /** The n-th working day before `day`; `day` itself never counts. n = 0 gives `day`. */
  subtractWorkingDays(day: string, n: number): string {
    return this.walk(day, n, -1);
  }

  private walk(day: string, n: number, direction: 1 | -1): string {
    dayMs(day);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`a count of working days is a whole number from 0 to ${MAX_WORKING_DAYS}: ${n}`);
    }
    let current = day;
    for (let left = n; left > 0;) {
      current = shiftDay(current, direction);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }
}
