import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { LIBRARY_YEARS, WorkingCalendar, isDay, shiftDay, type CalendarOverride } from './working-days.js';

const plain = new WorkingCalendar([]);
const working = (calendar: WorkingCalendar, days: string[]) => days.map((d) => calendar.isWorkingDay(d));

describe('the State Council holidays the package knows', () => {
  it('National Day and Mid-Autumn 2025: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked', () => {
    for (let d = 1; d <= 8; d++) expect(plain.isWorkingDay(`2025-10-0${d}`), `Oct ${d}`).toBe(false);
    expect(
      working(plain, ['2025-09-27', '2025-09-28', '2025-09-30', '2025-10-09', '2025-10-11', '2025-10-12']),
    ).toEqual([false, true, true, true, true, false]);
  });

  it('Spring Festival 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked', () => {
    for (let d = 15; d <= 23; d++) expect(plain.isWorkingDay(`2026-02-${d}`), `Feb ${d}`).toBe(false);
    expect(working(plain, ['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-28', '2026-03-01'])).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('New Year 2026 (Jan 1–3 off, Sun Jan 4 worked) and National Day 2026 (Sun Sep 20, Sat Oct 10 worked)', () => {
    expect(working(plain, ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'])).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(working(plain, ['2026-09-20', '2026-10-01', '2026-10-07', '2026-10-08', '2026-10-10'])).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it('agrees with the package’s own isWorkday on every day of 2025 and 2026', () => {
    // The package's functions read dates in the local zone and slip a day west of UTC.
    if (new Date(2025, 0, 1).getTimezoneOffset() > 0) return;
    for (let day = '2025-01-01'; day <= '2026-12-31'; day = shiftDay(day, 1)) {
      expect(plain.isWorkingDay(day), day).toBe(chineseDays.isWorkday(day));
    }
  });

  it('gives the same answers whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(working(plain, ['2025-01-01', '2025-09-28', '2025-10-08', '2026-02-14'])).toEqual([
        false,
        true,
        false,
        true,
      ]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('years the package does not know', () => {
  it('knows 2004 through at least 2026', () => {
    expect(LIBRARY_YEARS.first).toBe(2004);
    expect(LIBRARY_YEARS.last).toBeGreaterThanOrEqual(2026);
  });

  it('falls back to Monday–Friday before and after its range', () => {
    // 2003-01-01 was New Year's Day, but the package starts in 2004.
    expect(working(plain, ['2003-01-01', '2003-01-04', '2003-01-05'])).toEqual([true, false, false]);
    // 2099-10-01 is a Thursday, 2099-10-03 a Saturday.
    expect(working(plain, ['2099-10-01', '2099-10-02', '2099-10-03'])).toEqual([true, true, false]);
  });

  it('takes the county’s overrides there too', () => {
    const calendar = new WorkingCalendar([{ day: '2099-10-01', kind: 'holiday', name: '国庆节' }]);
    expect(calendar.isWorkingDay('2099-10-01')).toBe(false);
    expect(calendar.addWorkingDays('2099-09-30', 1)).toBe('2099-10-02');
  });
});

describe('overrides win over the package', () => {
  const overrides: CalendarOverride[] = [
    { day: '2026-03-09', kind: 'holiday', name: '县里停工一天' }, // a Monday
    { day: '2026-03-14', kind: 'workday', name: '补班' }, // a Saturday
    { day: '2025-10-11', kind: 'holiday', name: '取消补班' }, // a make-up Saturday
    { day: '2025-10-08', kind: 'workday', name: '提前上班' }, // a holiday
  ];
  const calendar = new WorkingCalendar(overrides);

  it('a Monday made a holiday is skipped', () => {
    expect(plain.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
  });

  it('a Saturday made a workday counts', () => {
    expect(plain.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-13', 1)).toBe('2026-03-14');
  });

  it('the package’s own make-up day and holiday can be turned round', () => {
    expect(working(calendar, ['2025-10-11', '2025-10-08'])).toEqual([false, true]);
  });
});

describe('counting working days', () => {
  it('never counts the starting day, and crosses the National Day week', () => {
    expect(plain.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(plain.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(plain.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(plain.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(plain.addWorkingDays('2025-10-04', 1)).toBe('2025-10-09'); // from inside the holiday
  });

  it('counts back across holidays and make-up days', () => {
    expect(plain.subtractWorkingDays('2025-10-09', 1)).toBe('2025-09-30');
    expect(plain.subtractWorkingDays('2025-09-30', 2)).toBe('2025-09-28');
    expect(plain.subtractWorkingDays('2026-02-24', 1)).toBe('2026-02-14');
    expect(plain.subtractWorkingDays('2026-02-24', 2)).toBe('2026-02-13');
  });

  it('crosses the Spring Festival 2026', () => {
    expect(plain.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(plain.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(plain.addWorkingDays('2026-02-25', 3)).toBe('2026-02-28');
  });

  it('refuses bad days and bad counts', () => {
    expect(() => plain.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-2-3', 1)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-02-03', -1)).toThrow(RangeError);
    expect(() => plain.subtractWorkingDays('2026-02-03', 1.5)).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ day: '2026-13-01', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
    expect([isDay('2024-02-29'), isDay('2025-02-29'), isDay('2025-1-01')]).toEqual([true, false, false]);
  });
});
