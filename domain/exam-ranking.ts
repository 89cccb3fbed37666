// The one tie rule of qinglan's exams (同分排序), used by the reserve intake and targeted
// recruitment alike: a higher total ranks higher; equal totals, the higher written score ranks
// higher (笔试成绩高者在前); still equal, the earlier application or nomination ranks higher.

export interface Ranked {
  /** The total the ranking is by; null (not ranked) sorts last. */
  total: number | null;
  written: number | null;
  /** Order of application or nomination: the last tie-break. */
  seq: number;
}

export function compareForRank(a: Ranked, b: Ranked): number {
  return (b.total ?? -Infinity) - (a.total ?? -Infinity) || (b.written ?? 0) - (a.written ?? 0) || a.seq - b.seq;
}

/** Rounds a score to two decimals, as the notices print it. */
export const round2 = (x: number) => Math.round(x * 100) / 100;
