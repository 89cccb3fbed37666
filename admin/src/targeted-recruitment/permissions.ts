/** 拟定、修改、发布方案 and the score import: the county admin, as the API enforces. */
export const mayPlanRecruitment = (role: unknown): boolean => role === 'county_admin';

/** 报名: a cadre applies for themself in the console (the township officer registers through the API). */
/** 放弃 while under way (until the hire): the applicant, their township officer, the county. */
const UNDER_WAY = ['applied', 'recommended', 'qualified', 'shortlisted', 'ranked', 'inspection', 'proposed'];
export const mayWithdraw = (role: unknown, status: string): boolean =>
    UNDER_WAY.includes(status) && ['cadre', 'township_officer', 'county_admin'].includes(String(role));

export const mayApplyForSelf = (role: unknown): boolean => role === 'cadre';
