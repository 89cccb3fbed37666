// The scoring rubric of an annual assessment (年度考核), as data: set per cycle, fixed once the
// cycle starts (it travels in the workflow's input, so nothing can change it mid-cycle).

export const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const; // 优秀 / 称职 / 基本称职 / 不称职
export type Grade = (typeof GRADES)[number];

export interface RubricItem {
  key: string;
  name: string;
  /** Weights of all items add up to 1. */
  weight: number;
  max: number;
}

export interface Rubric {
  items: RubricItem[];
  /** Lowest weighted total (0–100) for each grade, highest grade first. */
  thresholds: { grade: Grade; min: number }[];
}

export const DEFAULT_RUBRIC: Rubric = {
  items: [
    { key: 'discipline', name: '上班纪律', weight: 0.4, max: 100 },
    { key: 'delivery', name: '工作推进落实', weight: 0.6, max: 100 },
  ],
  thresholds: [
    { grade: 'excellent', min: 90 },
    { grade: 'competent', min: 75 },
    { grade: 'basically_competent', min: 60 },
    { grade: 'incompetent', min: 0 },
  ],
};

/** Problems with a rubric, or none; checked before a cycle starts. */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (rubric.items.length === 0) problems.push('the rubric has no items');
  const weights = rubric.items.reduce((sum, i) => sum + i.weight, 0);
  if (Math.abs(weights - 1) > 1e-9) problems.push(`weights add up to ${weights}, not 1`);
  if (new Set(rubric.items.map((i) => i.key)).size !== rubric.items.length) problems.push('item keys repeat');
  const mins = rubric.thresholds.map((t) => t.min);
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) problems.push('thresholds must fall from the highest grade down');
  if (rubric.thresholds.at(-1)?.min !== 0) problems.push('the lowest grade must start at 0');
  return problems;
}

/** Weighted total on a 0–100 scale, rounded to two decimals so equal work gives equal totals. */
export function weightedTotal(rubric: Rubric, scores: Record<string, number>): number {
  const total = rubric.items.reduce((sum, item) => sum + (scores[item.key] / item.max) * 100 * item.weight, 0);
  return Math.round(total * 100) / 100;
}

export function gradeOf(rubric: Rubric, total: number): Grade {
  return rubric.thresholds.find((t) => total >= t.min)!.grade;
}
