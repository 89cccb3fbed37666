/** 拟定、修改、发布方案 and the score import: the county admin, as the API enforces. */
export const mayPlanRecruitment = (role: unknown): boolean => role === 'county_admin';

/** 报名: a cadre applies for themself in the console (the township officer registers through the API). */
export const mayApplyForSelf = (role: unknown): boolean => role === 'cadre';
