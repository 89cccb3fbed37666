// What a process records on its timeline besides its steps' own actions (提交, 同意 …): declared
// once, so the console has a name for each in both languages (its test checks) and a workflow
// cannot record one the console would show as a bare key.
export const PROCESS_EVENTS = [
  // 导师帮带
  'mentor_reassigned', // 更换导师
  'term_extended', // 延长帮带期
  'ended_early', // 提前结束
  // 年度考核
  'objection_filed', // 提出异议
  'notice_published', // 公示
  // 后备干部推选
  'nominated', // 推荐
  'status_changed', // 状态变动
  'shortfall_explained', // 说明推荐不足
  'ranked', // 排名
  'notice_opened', // 公示开始 (定向考录's 资格复审公示 too)
  'entered', // 入库
  'filed', // 备案
  // 后备干部培养
  'trial_completed', // 试用期满
  'mentor_named', // 确定导师
  'kept', // 保留
  'used', // 使用
  'exited', // 退出
  // 定向考录
  'applied', // 报名
  'hire_notice_opened', // 拟录用公示开始
  'replacement', // 递补
  'probation_started', // 试用期开始
  'withdrawn', // 本人放弃
  'applicant_ended', // 报考人流程终止 (强制终止 and the like)
] as const;

export type ProcessEvent = (typeof PROCESS_EVENTS)[number];
