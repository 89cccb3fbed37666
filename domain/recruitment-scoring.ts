// Scores of a targeted recruitment campaign (定向考录成绩), stated once and tested:
// - 笔试: at or above the pass mark passes; absent (缺考) fails. Those who pass are ranked by the
//   written score per position and the first places × ratio (1:3) go to the interview; a tie at
//   the last place takes everyone on that score (最后一名并列的一并入围).
// - 面试: at or above the pass mark passes.
// - 总成绩 = written × w + interview × (1 − w) + bonus, two decimals. Bonus points (加分) are not
//   added up: the highest award counts (county +2, prefecture +5 by default).
// - Ranking by the total with the one tie rule of domain/exam-ranking.ts.
import { compareForRank, round2 } from './exam-ranking.js';
import type { RecruitmentRules } from './recruitment-rules.js';

export type AwardLevel = 'county' | 'prefecture';

export interface ScoredApplicant {
  applicationId: number;
  seq: number;
  /** null: absent (缺考) or no score. */
  written: number | null;
  interview?: number | null;
  awards?: readonly AwardLevel[];
}

export function bonusFor(awards: readonly AwardLevel[], rules: Pick<RecruitmentRules, 'bonusPoints'>): number {
  return awards.reduce((max, level) => Math.max(max, rules.bonusPoints[level]), 0);
}

export function totalScore(
  scores: { written: number; interview: number; bonus: number },
  rules: Pick<RecruitmentRules, 'writtenWeightPercent'>,
): number {
  const w = rules.writtenWeightPercent;
  return round2((scores.written * w + scores.interview * (100 - w)) / 100 + scores.bonus);
}

export interface WrittenOutcome {
  applicationId: number;
  passed: boolean;
  shortlisted: boolean;
  /** Rank among those who passed, by the written score. */
  rank: number | null;
}

/** 笔试 of one position: who passes and who goes to the interview. */
export function shortlistByWritten(
  applicants: readonly ScoredApplicant[],
  places: number,
  rules: Pick<RecruitmentRules, 'passMarks' | 'shortlistRatio'>,
): WrittenOutcome[] {
  const passed = applicants
    .filter((a) => a.written !== null && a.written >= rules.passMarks.written)
    .sort((a, b) => compareForRank({ ...a, total: a.written }, { ...b, total: b.written }));
  const cut = places * rules.shortlistRatio;
  const lastScore = passed.length > cut ? passed[cut - 1]?.written : undefined;
  const outcome = new Map<number, WrittenOutcome>();
  passed.forEach((a, i) =>
    outcome.set(a.applicationId, {
      applicationId: a.applicationId,
      passed: true,
      shortlisted: i < cut || (lastScore !== undefined && a.written === lastScore),
      rank: i + 1,
    }),
  );
  return applicants.map(
    (a) =>
      outcome.get(a.applicationId) ?? { applicationId: a.applicationId, passed: false, shortlisted: false, rank: null },
  );
}

export interface FinalResult {
  applicationId: number;
  written: number;
  interview: number;
  bonus: number;
  total: number;
  rank: number;
}

/**
 * 总成绩 and ranking of one position's interviewed applicants: those below the interview's pass
 * mark or absent are left out (they come back as `failed`).
 */
export function rankByTotal(
  applicants: readonly ScoredApplicant[],
  rules: Pick<RecruitmentRules, 'passMarks' | 'writtenWeightPercent' | 'bonusPoints'>,
): { ranked: FinalResult[]; failed: number[] } {
  const failed: number[] = [];
  const scored: (FinalResult & { seq: number })[] = [];
  for (const a of applicants) {
    if (a.written === null || a.interview == null || a.interview < rules.passMarks.interview) {
      failed.push(a.applicationId);
      continue;
    }
    const bonus = bonusFor(a.awards ?? [], rules);
    const total = totalScore({ written: a.written, interview: a.interview, bonus }, rules);
    scored.push({
      applicationId: a.applicationId,
      seq: a.seq,
      written: a.written,
      interview: a.interview,
      bonus,
      total,
      rank: 0,
    });
  }
  scored.sort(compareForRank);
  return { ranked: scored.map(({ seq: _seq, ...r }, i) => ({ ...r, rank: i + 1 })), failed };
}
