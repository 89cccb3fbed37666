// The intake's ranking rule and the places a village keeps, stated in intake-ranking.ts.
import { describe, expect, it } from 'vitest';
import { placesKept, rankApplicants } from './intake-ranking.js';

const weights = { written: 60, interview: 40 };

describe('intake ranking', () => {
  it('ranks by composite, then the written score, then the earlier nomination', () => {
    const ranked = rankApplicants(
      [
        { personId: 1, name: '甲', seq: 3, written: 80, interview: 80 }, // 80
        { personId: 2, name: '乙', seq: 2, written: 70, interview: 95 }, // 80, lower written
        { personId: 3, name: '丙', seq: 1, written: 80, interview: 80 }, // 80, nominated first
        { personId: 4, name: '丁', seq: 4, written: 90, interview: 90 },
        { personId: 5, name: '戊', seq: 5 }, // absent: not ranked
      ],
      { exam: true, weights, places: 1, ratio: 2 },
    );
    expect(ranked.map((r) => [r.personId, r.rank, r.composite, r.shortlisted])).toEqual([
      [4, 1, 90, true],
      [3, 2, 80, true],
      [1, 3, 80, false],
      [2, 4, 80, false],
    ]);
  });

  it('without an exam, the order of nomination', () => {
    const ranked = rankApplicants(
      [
        { personId: 1, name: '甲', seq: 2 },
        { personId: 2, name: '乙', seq: 1 },
      ],
      { exam: false, weights, places: 2, ratio: 2 },
    );
    expect(ranked.map((r) => r.personId)).toEqual([2, 1]);
  });

  it('keeps a place per two applicants: fewer than two per place loses it', () => {
    expect(placesKept(2, 4, 2)).toBe(2);
    expect(placesKept(2, 3, 2)).toBe(1);
    expect(placesKept(1, 1, 2)).toBe(0);
    expect(placesKept(0, 9, 2)).toBe(0);
  });
});
