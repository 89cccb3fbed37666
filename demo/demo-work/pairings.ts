// 导师帮带 in flight: each planned pairing is proposed by its township officer (the late one by
// the county, which alone may change its durations) and walked to its step by the people
// whose step it is.
import type { DemoApi } from './api-client.js';
import { waitUntil } from './api-client.js';
import {
  ESCALATE_DAYS_AFTER_MONTH_END,
  MOVED_DEADLINE_SECONDS,
  officerOf,
  secretaryOf,
  type PairingPlan,
} from './demo-work-plan.js';
import { actOnce, chinaToday, type StepAction } from './task-steps.js';

interface ProcessRow {
  id: string;
}

/** The pairing's process: the one already started for this mentee, or a new one. */
async function startOnce(api: DemoApi, plan: PairingPlan): Promise<string> {
  const [mentee, mentor] = await Promise.all([api.as(plan.mentee), api.as(plan.mentor)]);
  const menteePersonId = mentee.user.personId!;
  const filter = { type: 'mentor-pairing', subjectPersonId: menteePersonId };
  const existing = () =>
    api.get<ProcessRow[]>('admin', '/api/processes', { filter, sort: ['startedAt', 'ASC'], range: [0, 0] });
  const found = (await existing())[0];
  if (found) return found.id;
  const late = plan.stage === 'escalated';
  const body = {
    menteePersonId,
    mentorPersonId: mentor.user.personId!,
    reason: '新任村干部，按县委组织部要求结对帮带',
    ...(late ? { settings: { escalateDaysAfterMonthEnd: ESCALATE_DAYS_AFTER_MONTH_END } } : {}),
  };
  await api
    .post(late ? 'admin' : officerOf(plan.township), '/api/processes/mentor-pairing', body)
    .catch(async (error) => {
      // Started by a run that was cut short before it saw the answer: the workflow is there.
      if (!(await existing())[0]) throw error;
    });
  return (await waitUntil(`the pairing of ${plan.mentee}`, async () => (await existing())[0])).id;
}

function script(plan: PairingPlan): StepAction[] {
  const secretary = secretaryOf(plan.township);
  const approve: StepAction = {
    step: 'proposal.approval',
    as: secretary,
    action: 'approve',
    form: { opinion: '同意结对，请抓紧制定成长计划' },
  };
  const draft = (round: number, goals: string[]): StepAction => ({
    step: 'growth-plan.draft',
    round,
    as: plan.mentee,
    action: 'submit',
    form: { goals, measures: '每月随导师走访农户两次，参加镇里组织的业务培训' },
  });
  const firstDraft = draft(1, ['熟悉村务工作']);
  const exchange: StepAction = {
    step: 'exchange.m1',
    as: plan.mentor,
    action: 'submit',
    form: {
      date: chinaToday(),
      form: 'visit',
      notes: '一起走访了三户困难群众，讲解低保申请流程',
      problemsSolved: '理清了村集体经济台账',
    },
  };
  switch (plan.stage) {
    case 'proposed':
      return [];
    case 'returned':
      return [
        approve,
        firstDraft,
        {
          step: 'growth-plan.review',
          as: plan.mentor,
          action: 'return',
          returnTo: 'growth-plan.draft',
          comment: '目标太笼统，请写清楚每季度要做成的具体事项',
        },
        draft(2, [
          '第一季度：走访全村脱贫监测户',
          '第二季度：牵头办好一件民生实事',
          '年底前：独立主持一次村民代表会议',
        ]),
      ];
    case 'exchanging':
      return [
        approve,
        firstDraft,
        { step: 'growth-plan.review', as: plan.mentor, action: 'approve', form: { opinion: '计划可行' } },
        exchange,
      ];
    case 'escalated':
      return [approve];
  }
}

/** The township officer brings the first exchange's deadline forward (调整时限): it falls due, then escalates. */
async function makeLate(api: DemoApi, plan: PairingPlan, processId: string): Promise<void> {
  const task = await api.taskWhenOpened(processId, 'exchange.m1', 1);
  // Done already when the deadline was moved (it is no longer the month's end) or has passed.
  if (task.status !== 'open' || task.escalationLevel > 0 || Date.parse(task.dueAt) - Date.now() < 24 * 3600_000) return;
  await actOnce(api, processId, {
    step: 'exchange.m1',
    as: officerOf(plan.township),
    action: 'change_deadline',
    deadline: { inSeconds: MOVED_DEADLINE_SECONDS },
    comment: '镇里本周检查帮带台账，首月交流请当天记录',
  });
}

export interface PairingResult {
  plan: PairingPlan;
  processId: string;
}

export async function startPairing(api: DemoApi, plan: PairingPlan): Promise<PairingResult> {
  const processId = await startOnce(api, plan);
  for (const action of script(plan)) await actOnce(api, processId, action);
  if (plan.stage === 'escalated') await makeLate(api, plan, processId);
  return { plan, processId };
}
