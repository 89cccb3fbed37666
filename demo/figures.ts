// Figures from the county's 2022 report, which the demo county reproduces exactly.

export const DEMO_FIGURES = {
  townships: 28,
  subdistricts: 4,
  villages: 413,
  /** 新任村(社区)干部 */
  newlyElected: 895,
  /** 新任党组织书记: newly elected people who are their village's Party secretary. */
  newSecretaries: 191,
  /** 导师 */
  mentors: 421,
  /** 村级后备干部 */
  reserves: 620,
} as const;

/** 桃源-like region code; the first six digits of every demo identity number too. */
export const COUNTY_CODE = '430725';

/** The term of the 2021 two-committee election (村(社区)"两委"换届). */
export const TERM_START = '2021-04-01';
export const TERM_END = '2026-03-31';
