import { describe, expect, it } from 'vitest';
import { compareForUse, decidingCriterion, rankForUse, type UseCandidate } from './reserve-use-ranking.js';

const reserve = (reserveId: number, more: Partial<UseCandidate> = {}): UseCandidate => ({
  reserveId,
  reviews: [],
  trainings: 0,
  placements: 0,
  trialCompletedOn: '2024-06-01',
  enteredOn: '2023-12-01',
  ...more,
});
const pass = (year: number) => ({ year, result: 'pass' as const });
const fail = (year: number) => ({ year, result: 'fail' as const });

describe('ranking a village’s reserves for use (使用推荐排序)', () => {
  it('fewer 不合格 years rank first, even against more 合格 years', () => {
    const a = reserve(1, { reviews: [pass(2023), pass(2024), fail(2025)] });
    const b = reserve(2, { reviews: [pass(2025)] });
    expect(rankForUse([a, b]).map((r) => r.reserveId)).toEqual([2, 1]);
    expect(decidingCriterion(b, a)).toBe('failYears');
  });

  it('then more 合格 years, then more training, then more placements', () => {
    const ranked = rankForUse([
      reserve(1, { reviews: [pass(2024)], trainings: 5, placements: 3 }),
      reserve(2, { reviews: [pass(2024), pass(2025)] }),
      reserve(3, { reviews: [pass(2024)], trainings: 5, placements: 4 }),
      reserve(4, { reviews: [pass(2024)], trainings: 6 }),
    ]);
    expect(ranked.map((r) => [r.reserveId, r.rank, r.aheadOfNextBy])).toEqual([
      [2, 1, 'passYears'],
      [4, 2, 'trainings'],
      [3, 3, 'placements'],
      [1, 4, null],
    ]);
    expect(ranked[0]).toMatchObject({ passYears: 2, failYears: 0 });
  });

  it('then a completed trial, the earlier completion first', () => {
    const ranked = rankForUse([
      reserve(1, { trialCompletedOn: null }),
      reserve(2, { trialCompletedOn: '2025-03-01' }),
      reserve(3, { trialCompletedOn: '2024-09-01' }),
    ]);
    expect(ranked.map((r) => [r.reserveId, r.aheadOfNextBy])).toEqual([
      [3, 'trialCompletedOn'],
      [2, 'trialCompleted'],
      [1, null],
    ]);
  });

  it('the final tie rule: the earlier entry, then the lower id; the order is total', () => {
    const ranked = rankForUse([
      reserve(9, { enteredOn: '2022-01-01' }),
      reserve(5, { enteredOn: '2021-01-01' }),
      reserve(3, { enteredOn: '2022-01-01' }),
      reserve(4, { enteredOn: null }),
    ]);
    expect(ranked.map((r) => [r.reserveId, r.aheadOfNextBy])).toEqual([
      [5, 'enteredOn'],
      [3, 'reserveId'],
      [9, 'enteredOn'],
      [4, null],
    ]);
    expect(compareForUse(reserve(1), reserve(1))).toBe(0);
  });

  it('keeps the input untouched and lists each row’s review years in order', () => {
    const input = [reserve(1, { reviews: [pass(2025), fail(2023)] }), reserve(2)];
    const ranked = rankForUse(input);
    expect(input[0].reviews.map((r) => r.year)).toEqual([2025, 2023]);
    expect(ranked.find((r) => r.reserveId === 1)!.reviews.map((r) => r.year)).toEqual([2023, 2025]);
  });
});
