// Ranking of a village's applicants in the intake (推选排名); the tie rule is qinglan's one
// (domain/exam-ranking.ts). The rule, tested:
// - with an exam, the composite is written × written weight + interview × interview weight
//   (weights in percent), rounded to two decimals; higher ranks higher;
// - equal composites: the higher written score ranks higher;
// - still equal, and without an exam: the earlier nomination ranks higher (it came first).
// Applicants without scores (absent from the exam) are not ranked.
// Places: a village keeps a place only for every `ratio` applicants (1:2 → two per place), and
// the shortlist is `places × ratio` from the top.
import { compareForRank } from '../../domain/exam-ranking.js';

export interface Applicant {
  personId: number;
  name: string;
  /** Order of nomination within the intake: the last tie-break. */
  seq: number;
  written?: number;
  interview?: number;
}

export interface RankedApplicant extends Applicant {
  composite: number | null;
  rank: number;
  shortlisted: boolean;
}

export function composite(a: Applicant, weights: { written: number; interview: number }): number | null {
  if (a.written === undefined || a.interview === undefined) return null;
  return Math.round(a.written * weights.written + a.interview * weights.interview) / 100;
}

/** The places a village keeps: at most one per `ratio` applicants. */
export function placesKept(places: number, applicants: number, ratio: number): number {
  return Math.max(0, Math.min(places, Math.floor(applicants / Math.max(ratio, 1))));
}

export function rankApplicants(
  applicants: Applicant[],
  options: { exam: boolean; weights: { written: number; interview: number }; places: number; ratio: number },
): RankedApplicant[] {
  const scored = applicants
    .map((a) => ({ ...a, composite: options.exam ? composite(a, options.weights) : null }))
    .filter((a) => !options.exam || a.composite !== null);
  scored.sort((a, b) =>
    compareForRank(
      { ...a, total: a.composite, written: a.written ?? null },
      { ...b, total: b.composite, written: b.written ?? null },
    ),
  );
  const shortlist = options.places * options.ratio;
  return scored.map((a, i) => ({ ...a, rank: i + 1, shortlisted: i < shortlist }));
}
