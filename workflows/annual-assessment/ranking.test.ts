import { describe, expect, it } from 'vitest';
import { rank, type Scored } from './ranking.js';
import { DEFAULT_RUBRIC, gradeOf, rubricProblems, weightedTotal } from './rubric.js';

const cadre = (personId: number, discipline: number, delivery: number): Scored => ({
  personId,
  name: `干部${personId}`,
  scores: { discipline, delivery },
  total: weightedTotal(DEFAULT_RUBRIC, { discipline, delivery }),
});

describe('rubric', () => {
  it('weights and grades', () => {
    expect(weightedTotal(DEFAULT_RUBRIC, { discipline: 100, delivery: 80 })).toBe(88);
    expect(gradeOf(DEFAULT_RUBRIC, 90)).toBe('excellent');
    expect(gradeOf(DEFAULT_RUBRIC, 89.99)).toBe('competent');
    expect(gradeOf(DEFAULT_RUBRIC, 59.99)).toBe('incompetent');
    expect(rubricProblems(DEFAULT_RUBRIC)).toEqual([]);
    expect(rubricProblems({ ...DEFAULT_RUBRIC, items: [{ key: 'a', name: 'a', weight: 0.5, max: 100 }] })).toContain(
      'weights add up to 0.5, not 1',
    );
  });
});

describe('ranking within a township', () => {
  it('orders by total, then by the heaviest item, and shares a rank only on a full tie', () => {
    const ranked = rank(DEFAULT_RUBRIC, [
      cadre(1, 80, 80),
      cadre(2, 100, 70),
      cadre(3, 70, 90),
      cadre(4, 90, 90),
      cadre(5, 80, 80),
    ]);
    // 2 and 3 both total 82; 3 has more on 工作推进落实 (weight 0.6), so 3 is ahead.
    expect(ranked.map((r) => [r.personId, r.total, r.rank])).toEqual([
      [4, 90, 1],
      [3, 82, 2],
      [2, 82, 3],
      [1, 80, 4],
      [5, 80, 4],
    ]);
  });

  it('includes everyone tied at the edge of the top three and the bottom three', () => {
    const ranked = rank(DEFAULT_RUBRIC, [
      cadre(1, 90, 90),
      cadre(2, 80, 80),
      cadre(3, 70, 70),
      cadre(4, 70, 70),
      cadre(5, 60, 60),
      cadre(6, 50, 50),
      cadre(7, 40, 40),
    ]);
    expect(ranked.filter((r) => r.top).map((r) => r.personId)).toEqual([1, 2, 3, 4]);
    expect(ranked.filter((r) => r.bottom).map((r) => r.personId)).toEqual([5, 6, 7]);
  });

  it('flags no bottom three in a township of three or fewer', () => {
    const ranked = rank(DEFAULT_RUBRIC, [cadre(1, 90, 90), cadre(2, 80, 80)]);
    expect(ranked.every((r) => r.top && !r.bottom)).toBe(true);
  });
});
