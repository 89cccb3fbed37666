import { describe, expect, it } from 'vitest';
import { seatHeldOn, seatHeldUntil, withOwnSuccessors } from './seat-tenure.js';

const seat = { termStart: '2021-04-01', termEnd: '2026-03-31' };

describe('seat tenure: a cadre serves until a successor is recorded', () => {
  it('inside its term a seat is held until its term_end', () => {
    expect(seatHeldOn(seat, '2026-03-01')).toBe(true);
    expect(seatHeldUntil(seat, '2026-03-01')).toBe('2026-03-31');
    expect(seatHeldOn(seat, '2021-03-31')).toBe(false);
  });

  it('past its term_end with no successor recorded it is still held', () => {
    expect(seatHeldOn(seat, '2026-12-01')).toBe(true);
    expect(seatHeldOn({ ...seat, successorStartsOn: null }, '2026-12-01')).toBe(true);
    expect(seatHeldUntil(seat, '2026-12-01')).toBe('2026-12-01');
  });

  it('held until a successor starts, not after; then its term_end is what the records say', () => {
    const succeeded = { ...seat, successorStartsOn: '2026-06-01' };
    expect(seatHeldOn(succeeded, '2026-05-31')).toBe(true);
    expect(seatHeldUntil(succeeded, '2026-05-31')).toBe('2026-05-31');
    expect(seatHeldOn(succeeded, '2026-06-01')).toBe(false);
    expect(seatHeldUntil(succeeded, '2026-12-01')).toBe('2026-03-31');
  });

  it('a successor seated before the term_end ends the seat at its term_end', () => {
    const early = { ...seat, successorStartsOn: '2026-03-15' };
    expect(seatHeldOn(early, '2026-03-20')).toBe(true);
    expect(seatHeldOn(early, '2026-04-01')).toBe(false);
    expect(seatHeldUntil(early, '2026-12-01')).toBe('2026-03-31');
  });
});

describe('a person own later seat is a successor too', () => {
  it('a re-election for the same post ends the earlier seat; another post does not', () => {
    const seats: {
      committee: string;
      title: string;
      termStart: string;
      termEnd: string;
      successorStartsOn?: string | null;
    }[] = [
      { committee: 'party_branch', title: 'deputy_secretary', termStart: '2019-01-01', termEnd: '2024-06-30' },
      { committee: 'party_branch', title: 'deputy_secretary', termStart: '2025-01-01', termEnd: '2030-12-31' },
      { committee: 'party_branch', title: 'secretary', termStart: '2016-01-01', termEnd: '2018-12-31' },
    ];
    expect(withOwnSuccessors(seats).map((s) => s.successorStartsOn)).toEqual(['2025-01-01', null, null]);
  });
});
