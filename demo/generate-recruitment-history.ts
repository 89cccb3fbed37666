// What targeted recruitment (定向考录) reads from the demo county's records: three years of
// annual assessment results before the current term's last year (mostly 称职, some 优秀, a few
// 基本称职 or 不称职, a very few years missing), and a handful of deputies by-elected (补选) in
// January 2024, so that eligibility has people with too few years in post to refuse.
// Pure like the rest of the generator.
import type { DemoPerson, DemoPosition } from './generate-county.js';
import { TERM_END } from './figures.js';
import type { Random } from './random.js';

/** The years of results on file: the three before the term's last (2026). */
export const RECORDED_ASSESSMENT_YEARS = [2023, 2024, 2025] as const;
/** 补选: the day the by-elected deputies took their seats. */
export const BY_ELECTION_START = '2024-01-15';
export const BY_ELECTED_DEPUTIES = 6;

type Grade = 'excellent' | 'competent' | 'basically_competent' | 'incompetent';

export interface DemoAssessmentResult {
  year: number;
  person_id: number;
  township_id: number;
  version: number;
  total: number;
  grade: Grade;
  final: boolean;
}

const TOTALS: Record<Grade, [number, number]> = {
  excellent: [90, 98],
  competent: [75, 89],
  basically_competent: [60, 74],
  incompetent: [45, 59],
};

export function generateRecruitmentHistory(
  random: Random,
  input: { people: DemoPerson[]; positions: DemoPosition[] },
): { assessments: DemoAssessmentResult[]; byElectedSeats: Omit<DemoPosition, 'id'>[] } {
  const seats = new Map<number, DemoPosition[]>();
  for (const p of input.positions) seats.set(p.person_id, [...(seats.get(p.person_id) ?? []), p]);
  const cadres = input.people.filter((p) => seats.has(p.id));

  // 补选副主任: members holding one seat, young and schooled enough that the years are the only gap.
  const byElection = random.fork('by-election');
  const candidates = cadres.filter((p) => {
    const own = seats.get(p.id)!;
    return (
      own.length === 1 &&
      own[0].title === 'member' &&
      own[0].committee === 'party_branch' &&
      !p.is_mentor &&
      p.birth_date > '1988-01-01' &&
      ['college', 'bachelor', 'master'].includes(p.education)
    );
  });
  const byElected = byElection.sample(candidates, Math.min(BY_ELECTED_DEPUTIES, candidates.length));
  const byElectedIds = new Set(byElected.map((p) => p.id));
  const byElectedSeats = byElected.map((p) => ({
    person_id: p.id,
    committee: 'villagers_committee' as const,
    title: 'deputy_director' as const,
    term_start: BY_ELECTION_START,
    term_end: TERM_END,
  }));

  const grades = random.fork('grades');
  const assessments: DemoAssessmentResult[] = [];
  for (const person of cadres) {
    for (const year of RECORDED_ASSESSMENT_YEARS) {
      // by-elected deputies have clean records: their years in post are what refuses them
      const missing = !byElectedIds.has(person.id) && grades.chance(0.01);
      const grade: Grade = byElectedIds.has(person.id)
        ? 'competent'
        : grades.weighted([
            ['excellent', 15],
            ['competent', 78],
            ['basically_competent', 6],
            ['incompetent', 1],
          ] as const);
      if (missing) continue;
      const [min, max] = TOTALS[grade];
      assessments.push({
        year,
        person_id: person.id,
        township_id: person.township_id,
        version: 1,
        total: grades.int(min * 10, max * 10) / 10,
        grade,
        final: true,
      });
    }
  }
  return { assessments, byElectedSeats };
}
