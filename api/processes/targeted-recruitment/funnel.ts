// The campaign page's funnel (报名 → 资格 → 推荐 → 复审 → 笔试 → 面试 → 录用): how many
// applications reached each stage, from their statuses. Each status sits at the furthest
// stage the application passed; a refusal at a stage counts at the stage before it.
import type { ApplicationStatus } from '../../../db/schema.js';

export const FUNNEL_STAGES = [
  'applied', // 报名
  'eligible', // 资格条件 (an ineligible application is refused with its reasons, never stored)
  'recommended', // 乡镇党委推荐
  'qualified', // 县委组织部资格复审 and its 公示
  'written', // 笔试合格
  'interviewed', // 面试合格
  'hired', // 录用
] as const;

const REACHED: Record<ApplicationStatus, number> = {
  applied: 1,
  not_recommended: 1,
  withdrawn: 1,
  cancelled: 1,
  recommended: 2,
  disqualified: 2,
  qualified: 3,
  written_failed: 3,
  not_shortlisted: 4,
  shortlisted: 4,
  interview_failed: 4,
  ranked: 5,
  inspection: 5,
  inspection_failed: 5,
  not_selected: 5,
  proposed: 5,
  hired: 6,
  confirmed: 6,
  probation_failed: 6,
};

export function funnelOf(byStatus: Record<string, number>): { stage: string; count: number }[] {
  return FUNNEL_STAGES.map((stage, i) => ({
    stage,
    count: Object.entries(byStatus)
      .filter(([status]) => (REACHED[status as ApplicationStatus] ?? 0) >= i)
      .reduce((sum, [, n]) => sum + n, 0),
  }));
}
