// What a notification is about and where it can go. Free of imports, so workflow code may
// import these values without pulling the mail library into the workflow bundle.
export const NOTIFICATION_KINDS = [
  'task_assigned', // 新待办
  'task_reminder', // 到期提醒
  'task_overdue', // 已逾期
  'task_escalated', // 逾期上报 (升级)
  'task_urged', // 催办
  'task_cc', // 抄送
  'process_ended', // 流程结束
  'process_incident', // 流程异常
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
