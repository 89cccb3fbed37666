// China time (北京时间): UTC+8 all year, no daylight saving. The county's days, years and
// deadlines are read in it wherever the code runs, so the offset is plain arithmetic on UTC
// dates: the same on every machine and deterministic inside workflows (no time-zone lookups).

/** UTC+8 in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The zone's name, for what reads it by name: a Temporal Schedule's calendar, PostgreSQL's `at time zone`. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The zone as written at the end of an ISO instant. */
export const CHINA_ISO_OFFSET = '+08:00';

type Instant = Date | string | number;

const msOf = (at: Instant): number => (typeof at === 'number' ? at : new Date(at).getTime());

/**
 * The instant shifted by eight hours, so its UTC fields (getUTCFullYear, toISOString…) read China
 * time. For display and for formats without a zone (an Excel date cell).
 */
export function chinaWallClock(at: Instant): Date {
  return new Date(msOf(at) + CHINA_OFFSET_MS);
}

/** The year in China at an instant (now by default). */
export function chinaYear(at: Instant = Date.now()): number {
  return chinaWallClock(at).getUTCFullYear();
}

/** The China-time day 'YYYY-MM-DD' an instant (now by default) falls on. */
export function chinaDayOf(at: Instant = Date.now()): string {
  return chinaWallClock(at).toISOString().slice(0, 10);
}

/** '2026-12-26 09:21': an instant in China time to the minute, for people. */
export function chinaMinuteOf(at: Instant): string {
  return chinaWallClock(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO instant for a China-time day and clock time: ('2026-03-05', '23:59:59') → '2026-03-05T23:59:59+08:00'. */
export function chinaIso(day: string, time = '00:00:00'): string {
  return `${day}T${time}${CHINA_ISO_OFFSET}`;
}
