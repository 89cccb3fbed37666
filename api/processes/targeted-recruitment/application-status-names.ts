// The Chinese name of each application status, for the results sheet (the console has its own
// in admin/src/i18n).
import type { ApplicationStatus } from '../../../db/schema.js';

export const APPLICATION_STATUS_NAMES_ZH: Record<ApplicationStatus, string> = {
  applied: '已报名',
  recommended: '乡镇党委已推荐',
  not_recommended: '乡镇党委未推荐',
  qualified: '资格复审通过',
  disqualified: '资格复审未通过',
  written_failed: '笔试未合格',
  not_shortlisted: '未入围面试',
  shortlisted: '入围面试',
  interview_failed: '面试未合格',
  ranked: '已排名',
  inspection: '体检考察',
  inspection_failed: '体检考察不合格',
  proposed: '拟录用公示',
  hired: '已录用（试用期）',
  confirmed: '已转正',
  probation_failed: '试用期考核不合格',
  not_selected: '名额已满',
  withdrawn: '已放弃',
  cancelled: '已取消',
};
