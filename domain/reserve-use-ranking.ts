// The one rule qinglan ranks a village's reserves by when a 两委 seat falls vacant or an election
// comes (使用推荐排序), so the township proposes from a list a clerk can read and check:
//   1. yearly reviews (年度考察): fewer 不合格 years first, then more 合格 years;
//   2. cultivation: more training records (培训), then more placements (跟班学习/挂职/助理);
//   3. trial (试用期): completed before not completed; of two completed, the earlier completion
//      (tested longer in the pool);
//   4. final tie rule: the earlier entry into the pool (入库日期), then the lower reserve id, so
//      the order is total and the same on every read.
// Each ranked row names the criterion that put it ahead of the row below it.

export interface ReviewYear {
  year: number;
  result: 'pass' | 'fail';
}

export interface UseCandidate {
  reserveId: number;
  reviews: ReviewYear[];
  trainings: number;
  placements: number;
  /** The day the trial ended (试用期满转为在库); null while still on trial. */
  trialCompletedOn: string | null;
  enteredOn: string | null;
}

/** The criteria in the order they are applied; the key names the one that decided. */
export const USE_CRITERIA = [
  'failYears',
  'passYears',
  'trainings',
  'placements',
  'trialCompleted',
  'trialCompletedOn',
  'enteredOn',
  'reserveId',
] as const;
export type UseCriterion = (typeof USE_CRITERIA)[number];

const count = (c: UseCandidate, result: ReviewYear['result']) => c.reviews.filter((r) => r.result === result).length;

/** An absent day sorts after every real one. */
const byDay = (a: string | null, b: string | null) => (a ?? '9999-12-31').localeCompare(b ?? '9999-12-31');

/** Each criterion as a comparison: negative when `a` ranks ahead of `b`. */
const COMPARE: Record<UseCriterion, (a: UseCandidate, b: UseCandidate) => number> = {
  failYears: (a, b) => count(a, 'fail') - count(b, 'fail'),
  passYears: (a, b) => count(b, 'pass') - count(a, 'pass'),
  trainings: (a, b) => b.trainings - a.trainings,
  placements: (a, b) => b.placements - a.placements,
  trialCompleted: (a, b) => Number(b.trialCompletedOn !== null) - Number(a.trialCompletedOn !== null),
  trialCompletedOn: (a, b) => byDay(a.trialCompletedOn, b.trialCompletedOn),
  enteredOn: (a, b) => byDay(a.enteredOn, b.enteredOn),
  reserveId: (a, b) => a.reserveId - b.reserveId,
};

/** The first criterion on which the two differ; null only for the same reserve. */
export function decidingCriterion(a: UseCandidate, b: UseCandidate): UseCriterion | null {
  return USE_CRITERIA.find((k) => COMPARE[k](a, b) !== 0) ?? null;
}

export function compareForUse(a: UseCandidate, b: UseCandidate): number {
  const k = decidingCriterion(a, b);
  return k ? COMPARE[k](a, b) : 0;
}

export type RankedForUse<T extends UseCandidate> = T & {
  rank: number;
  failYears: number;
  passYears: number;
  /** Why this row is ahead of the next one; null on the last row. */
  aheadOfNextBy: UseCriterion | null;
};

/** The candidates in rank order (1 first), each with its counts and the reason for its place. */
export function rankForUse<T extends UseCandidate>(candidates: readonly T[]): RankedForUse<T>[] {
  const sorted = [...candidates].sort(compareForUse);
  return sorted.map((c, i) => ({
    ...c,
    reviews: [...c.reviews].sort((x, y) => x.year - y.year),
    rank: i + 1,
    failYears: count(c, 'fail'),
    passYears: count(c, 'pass'),
    aheadOfNextBy: i + 1 < sorted.length ? decidingCriterion(c, sorted[i + 1]) : null,
  }));
}
