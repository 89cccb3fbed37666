// Ranking within a township (排名). The rule, stated once and tested:
// - higher weighted total ranks higher;
// - equal totals: the higher score on the heaviest rubric item ranks higher;
// - still equal: they share the rank (1, 2, 2, 4), and are listed by person id;
// - the top three are everyone ranked 1–3, the bottom three everyone whose rank counted from
//   the bottom is 1–3, so a tie at the edge is included rather than broken by chance;
// - cadres without a township score are not ranked; they are listed as missing, with the step
//   they were waiting on.
import type { Rubric } from './rubric.js';

export interface Scored {
  personId: number;
  name: string;
  total: number;
  scores: Record<string, number>;
}

export interface RankedEntry extends Scored {
  rank: number;
  top: boolean;
  bottom: boolean;
}

export interface Missing {
  personId: number;
  name: string;
  waitingOn: string;
}

export function rank(rubric: Rubric, scored: Scored[]): RankedEntry[] {
  const heaviest = [...rubric.items].sort((a, b) => b.weight - a.weight)[0].key;
  const key = (s: Scored) => [s.total, s.scores[heaviest] ?? 0] as const;
  const sorted = [...scored].sort(
    (a, b) => b.total - a.total || (b.scores[heaviest] ?? 0) - (a.scores[heaviest] ?? 0) || a.personId - b.personId,
  );
  const same = (a: Scored, b: Scored) => key(a)[0] === key(b)[0] && key(a)[1] === key(b)[1];
  const ranks: number[] = [];
  sorted.forEach((s, i) => ranks.push(i > 0 && same(s, sorted[i - 1]) ? ranks[i - 1] : i + 1));
  // Rank from the bottom, with the same sharing of ties.
  const fromBottom: number[] = new Array(sorted.length);
  for (let i = sorted.length - 1; i >= 0; i--) {
    fromBottom[i] = i < sorted.length - 1 && same(sorted[i], sorted[i + 1]) ? fromBottom[i + 1] : sorted.length - i;
  }
  return sorted.map((s, i) => ({
    ...s,
    rank: ranks[i],
    top: ranks[i] <= 3,
    bottom: fromBottom[i] <= 3 && sorted.length > 3,
  }));
}
