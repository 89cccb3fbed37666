// The incident's error as the county reads it: in Chinese where the error is qinglan's own,
// the activity's original message kept after it for whoever mends the cause.

/** What each activity of the step engine and the processes does, for the 异常 panel. */
const ACTIVITY_NAMES: Record<string, string> = {
  registerProcess: '登记流程',
  updateProcess: '更新流程状态',
  openStep: '开启办理步骤',
  openScheduledStep: '开启办理步骤',
  decideTask: '记录办理决定',
  openTask: '生成待办',
  closeTask: '关闭待办',
  recordEvent: '记录流程事件',
  resolveStepSchedule: '计算办理期限',
  notify: '发送通知',
  setTaskDue: '调整办理期限',
  reassignTask: '转交待办',
};

const ERROR_TYPES: Record<string, string> = {
  InvalidStepSchedule: '办理期限无法计算（期限设置有误）',
};

export function activityName(activity: string): string {
  return ACTIVITY_NAMES[activity] ?? activity;
}

export interface FailureFacts {
  activity: string;
  errorType: string;
  errorMessage: string;
  nonRetryable: boolean;
  timedOut: boolean;
  attempts: number | null;
}

/** One line for the panel and the notice, e.g. “开启办理步骤失败（已重试 4 次）：…”. */
export function incidentMessage(f: FailureFacts): string {
  const how = f.nonRetryable
    ? '不可重试的错误'
    : f.timedOut
      ? '超过重试时限'
      : f.attempts != null
        ? `已重试 ${f.attempts} 次`
        : '重试未成功';
  const known = ERROR_TYPES[f.errorType];
  return `${activityName(f.activity)}失败（${how}）：${known ? `${known}。` : ''}${f.errorMessage}`;
}
