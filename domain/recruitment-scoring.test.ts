import { describe, expect, it } from 'vitest';
import { compareForRank } from './exam-ranking.js';
import { DEFAULT_RECRUITMENT_RULES as rules } from './recruitment-rules.js';
import { bonusFor, rankByTotal, shortlistByWritten, totalScore, type ScoredApplicant } from './recruitment-scoring.js';

const a = (
  applicationId: number,
  written: number | null,
  interview?: number | null,
  awards?: ScoredApplicant['awards'],
) => ({
  applicationId,
  seq: applicationId,
  written,
  interview,
  awards,
});

describe('recruitment scoring', () => {
  it('total = written × w + interview × (1 − w) + bonus, two decimals', () => {
    expect(totalScore({ written: 80, interview: 70, bonus: 0 }, rules)).toBe(75);
    expect(totalScore({ written: 81.5, interview: 77.25, bonus: 2 }, rules)).toBe(81.38);
    expect(totalScore({ written: 80, interview: 70, bonus: 5 }, { writtenWeightPercent: 60 })).toBe(81);
  });

  it('bonus: county +2, prefecture +5, the highest award only', () => {
    expect(bonusFor([], rules)).toBe(0);
    expect(bonusFor(['county'], rules)).toBe(2);
    expect(bonusFor(['county', 'prefecture', 'county'], rules)).toBe(5);
    expect(bonusFor(['county'], { bonusPoints: { county: 3, prefecture: 6 } })).toBe(3);
  });

  describe('written exam of a position', () => {
    it('passes at 60, refuses the absent, shortlists 1:3 per place in rank order', () => {
      const applicants = [a(1, 59.5), a(2, 60), a(3, null), a(4, 88), a(5, 75), a(6, 70), a(7, 66)];
      const out = shortlistByWritten(applicants, 1, rules);
      expect(out.map((o) => [o.applicationId, o.passed, o.shortlisted, o.rank])).toEqual([
        [1, false, false, null],
        [2, true, false, 5],
        [3, false, false, null],
        [4, true, true, 1],
        [5, true, true, 2],
        [6, true, true, 3],
        [7, true, false, 4],
      ]);
    });
    it('a tie at the last shortlisted place takes everyone on that score', () => {
      const out = shortlistByWritten([a(1, 90), a(2, 80), a(3, 70), a(4, 70), a(5, 65)], 1, rules);
      expect(out.filter((o) => o.shortlisted).map((o) => o.applicationId)).toEqual([1, 2, 3, 4]);
    });
    it('fewer passing than the shortlist: all of them go on', () => {
      const out = shortlistByWritten([a(1, 90), a(2, 50)], 2, rules);
      expect(out.map((o) => o.shortlisted)).toEqual([true, false]);
    });
  });

  describe('final ranking', () => {
    it('leaves out those below the interview pass mark or absent', () => {
      const { ranked, failed } = rankByTotal([a(1, 80, 59), a(2, 80, null), a(3, 70, 70)], rules);
      expect(failed).toEqual([1, 2]);
      expect(ranked).toEqual([{ applicationId: 3, written: 70, interview: 70, bonus: 0, total: 70, rank: 1 }]);
    });
    it('equal totals: the higher written score ranks higher; still equal, the earlier application', () => {
      const { ranked } = rankByTotal([a(1, 70, 80), a(2, 80, 70), a(3, 76, 72, ['county']), a(4, 80, 70)], rules);
      // 1: 75, 2: 75, 3: 74 + 2 = 76, 4: 75
      expect(ranked.map((r) => [r.applicationId, r.total, r.rank])).toEqual([
        [3, 76, 1],
        [2, 75, 2],
        [4, 75, 3],
        [1, 75, 4],
      ]);
    });
    it('the tie rule is the same one the reserve intake uses', () => {
      expect(compareForRank({ total: 75, written: 80, seq: 2 }, { total: 75, written: 70, seq: 1 })).toBeLessThan(0);
      expect(compareForRank({ total: 75, written: 80, seq: 2 }, { total: 75, written: 80, seq: 1 })).toBeGreaterThan(0);
      expect(compareForRank({ total: null, written: 99, seq: 1 }, { total: 1, written: 0, seq: 2 })).toBeGreaterThan(0);
    });
  });
});
