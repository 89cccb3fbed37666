import { describe, expect, it } from 'vitest';
import { resolveStepSchedule, type StepScheduleInput } from './step-schedule.js';
import { WorkingCalendar } from './working-days.js';

const plain = new WorkingCalendar([]);
const resolve = (input: StepScheduleInput, calendar = plain) => resolveStepSchedule(calendar, input);

describe('a deadline in working days ends at 24:00 China time of the n-th working day after opening', () => {
  it('5 working days from Tue 2025-09-30 10:00 end with Tue Oct 14 (Oct 1–8 off, Sat Oct 11 worked)', () => {
    const s = resolve({
      openedAt: '2025-09-30T10:00:00+08:00',
      deadline: { workingDays: 5 },
      remindBefore: { workingDays: 1 },
    });
    expect(s.dueAt).toBe('2025-10-14T16:00:00.000Z'); // 2025-10-15 00:00 +08:00
    expect(s.remindAt).toBe('2025-10-13T16:00:00.000Z'); // the end of Mon Oct 13
  });

  it('a reminder one working day before a deadline after the holiday comes before the holiday', () => {
    const s = resolve({
      openedAt: '2025-09-29T09:00:00+08:00',
      deadline: { workingDays: 2 },
      remindBefore: { workingDays: 1 },
    });
    expect(s.dueAt).toBe('2025-10-09T16:00:00.000Z'); // the end of Thu Oct 9
    expect(s.remindAt).toBe('2025-09-30T16:00:00.000Z'); // the end of Tue Sep 30
  });

  it('keeps the clock time when counting back from a fixed instant', () => {
    const s = resolve({
      openedAt: '2025-09-25T09:00:00+08:00',
      deadline: { at: '2025-10-09T10:00:00+08:00' },
      remindBefore: { workingDays: 1 },
    });
    expect(s.dueAt).toBe('2025-10-09T02:00:00.000Z');
    expect(s.remindAt).toBe('2025-09-30T02:00:00.000Z'); // Sep 30 10:00 China time
  });

  it('crosses the Spring Festival 2026 with its make-up Saturdays', () => {
    const s = resolve({
      openedAt: '2026-02-13T15:00:00+08:00', // Friday
      deadline: { workingDays: 3 }, // Sat Feb 14 (worked), Tue Feb 24, Wed Feb 25
      remindBefore: { workingDays: 1 },
      escalateAfter: [{ workingDays: 1 }, { workingDays: 3 }],
    });
    expect(s).toEqual({
      dueAt: '2026-02-25T16:00:00.000Z',
      remindAt: '2026-02-24T16:00:00.000Z',
      escalateAt: ['2026-02-26T16:00:00.000Z', '2026-02-28T16:00:00.000Z'], // Sat Feb 28 is worked
    });
  });

  it('does not count the opening day, even when opened at 00:00 or on a holiday', () => {
    expect(resolve({ openedAt: '2026-03-09T00:00:00+08:00', deadline: { workingDays: 1 } }).dueAt).toBe(
      '2026-03-10T16:00:00.000Z',
    );
    expect(resolve({ openedAt: '2025-10-03T10:00:00+08:00', deadline: { workingDays: 1 } }).dueAt).toBe(
      '2025-10-09T16:00:00.000Z',
    );
  });

  it('reads the opening day in China time, not UTC', () => {
    // 2026-03-12T17:00Z is Fri Mar 13 01:00 in China: the first working day after is Mon Mar 16.
    expect(resolve({ openedAt: '2026-03-12T17:00:00Z', deadline: { workingDays: 1 } }).dueAt).toBe(
      '2026-03-16T16:00:00.000Z',
    );
  });

  it('escalates one working day after the end of a Friday at the end of Monday', () => {
    const s = resolve({
      openedAt: '2026-03-11T10:00:00+08:00',
      deadline: { workingDays: 2 }, // Thu Mar 12, Fri Mar 13
      remindBefore: { workingDays: 1 },
      escalateAfter: [{ workingDays: 1 }],
    });
    expect(s).toEqual({
      dueAt: '2026-03-13T16:00:00.000Z',
      remindAt: '2026-03-12T16:00:00.000Z',
      escalateAt: ['2026-03-16T16:00:00.000Z'],
    });
  });
});

describe('the county’s overrides', () => {
  it('a Monday made a holiday moves the deadline one day later', () => {
    const input: StepScheduleInput = { openedAt: '2026-03-05T10:00:00+08:00', deadline: { workingDays: 2 } }; // Fri Mar 6, Mon Mar 9
    expect(resolve(input).dueAt).toBe('2026-03-09T16:00:00.000Z');
    const calendar = new WorkingCalendar([{ day: '2026-03-09', kind: 'holiday', name: '县里停工一天' }]);
    expect(resolve(input, calendar).dueAt).toBe('2026-03-10T16:00:00.000Z');
  });

  it('a Saturday made a workday is counted', () => {
    const input: StepScheduleInput = { openedAt: '2026-03-12T10:00:00+08:00', deadline: { workingDays: 2 } }; // Fri Mar 13, Mon Mar 16
    expect(resolve(input).dueAt).toBe('2026-03-16T16:00:00.000Z');
    const calendar = new WorkingCalendar([{ day: '2026-03-14', kind: 'workday', name: '补班' }]);
    expect(resolve(input, calendar).dueAt).toBe('2026-03-14T16:00:00.000Z');
  });
});

describe('calendar durations', () => {
  it('days and hours are plain 24 h and 1 h steps, holidays or not', () => {
    const s = resolve({
      openedAt: '2025-09-30T10:00:00+08:00',
      deadline: { days: 7 },
      remindBefore: { hours: 12 },
      escalateAfter: [{ hours: 36 }, { days: 2 }],
    });
    expect(s).toEqual({
      dueAt: '2025-10-07T02:00:00.000Z',
      remindAt: '2025-10-06T14:00:00.000Z',
      escalateAt: ['2025-10-08T14:00:00.000Z', '2025-10-09T02:00:00.000Z'],
    });
    expect(resolve({ openedAt: '2026-03-01T02:00:00Z', deadline: { hours: 48 }, remindBefore: { days: 1 } })).toEqual({
      dueAt: '2026-03-03T02:00:00.000Z',
      remindAt: '2026-03-02T02:00:00.000Z',
      escalateAt: [],
    });
  });

  it('a reminder that would come before the opening is dropped', () => {
    expect(
      resolve({ openedAt: '2026-03-02T10:00:00+08:00', deadline: { hours: 4 }, remindBefore: { days: 1 } }).remindAt,
    ).toBeNull();
    const opened = '2026-03-09T10:00:00+08:00'; // Monday; due at the end of Tue Mar 10
    expect(
      resolve({ openedAt: opened, deadline: { workingDays: 1 }, remindBefore: { workingDays: 2 } }).remindAt,
    ).toBeNull();
    expect(resolve({ openedAt: opened, deadline: { workingDays: 1 }, remindBefore: { workingDays: 1 } }).remindAt).toBe(
      '2026-03-09T16:00:00.000Z',
    );
  });
});

describe('refused schedules', () => {
  const opened = '2026-03-11T10:00:00+08:00';

  it('escalations must each come later than the one before', () => {
    expect(() =>
      resolve({ openedAt: opened, deadline: { days: 1 }, escalateAfter: [{ days: 3 }, { days: 2 }] }),
    ).toThrow(/escalateAfter\[1\]/);
    expect(() =>
      resolve({ openedAt: opened, deadline: { days: 1 }, escalateAfter: [{ days: 1 }, { hours: 24 }] }),
    ).toThrow(RangeError);
    // Due at the end of Fri Mar 13: one working day later is the end of Monday, 24 h later the end of Saturday.
    expect(() =>
      resolve({ openedAt: opened, deadline: { workingDays: 2 }, escalateAfter: [{ workingDays: 1 }, { hours: 24 }] }),
    ).toThrow(RangeError);
  });

  it('bad instants and offsets', () => {
    expect(() => resolve({ openedAt: '2026-03-11T10:00:00', deadline: { days: 1 } })).toThrow(/openedAt/);
    expect(() => resolve({ openedAt: 'yesterday', deadline: { days: 1 } })).toThrow(RangeError);
    expect(() => resolve({ openedAt: opened, deadline: { at: '2026-03-11T09:00:00+08:00' } })).toThrow(/not after/);
    expect(() => resolve({ openedAt: opened, deadline: { days: 0 } })).toThrow(RangeError);
    expect(() => resolve({ openedAt: opened, deadline: { workingDays: 1.5 } })).toThrow(RangeError);
    // Plain days may be fractions: half a day is twelve hours.
    expect(resolve({ openedAt: opened, deadline: { days: 0.5 } }).dueAt).toBe('2026-03-11T14:00:00.000Z');
    expect(() => resolve({ openedAt: opened, deadline: { days: 1, hours: 2 } as never })).toThrow(RangeError);
    expect(() => resolve({ openedAt: opened, deadline: { weeks: 1 } as never })).toThrow(RangeError);
    expect(() => resolve({ openedAt: opened, deadline: { days: 1 }, remindBefore: { hours: -1 } })).toThrow(
      /remindBefore/,
    );
  });
});
