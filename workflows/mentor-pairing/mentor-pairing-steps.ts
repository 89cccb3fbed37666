// The steps of a mentor pairing (导师帮带), declared once: the workflow runs them, the API serves
// them as the diagram, the console names them. Deadlines that a start's settings set are passed
// by the workflow; everything else is here.
import { defineSteps } from '../human-step/step-catalogue.js';
import type { EscalationHop } from '../human-step/types.js';
import { mentorPairingForms } from './mentor-pairing-forms.js';

/** Village-level work: the township officer after the first hop, the county after the second. */
const villageChain = (first: number, second: number): EscalationHop[] => [
  { after: { days: first }, notify: 'township_officer' },
  { after: { days: second }, notify: 'county_admin' },
];
/** The township officer's own work: the township Party secretary, then the county. */
const officerChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'township_secretary' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];

export const mentorPairingSteps = defineSteps(mentorPairingForms, {
  proposalApproval: {
    key: 'proposal.approval',
    name: '结对审批',
    nameEn: 'Pairing approval',
    role: 'township_secretary',
    form: 'approval',
    decisions: ['approve', 'reject'],
    next: ['growth-plan.draft', 'end'],
    remindBefore: { workingDays: 1 },
    // The township Party secretary answers to the county alone.
    escalate: [{ after: { workingDays: 2 }, notify: 'county_admin' }],
    legacyEscalate: [{ after: { workingDays: 2 }, notify: 'county_admin' }],
  },
  growthPlanDraft: {
    key: 'growth-plan.draft',
    name: '起草成长计划',
    nameEn: 'Draft growth plan',
    role: 'cadre',
    form: 'growthPlan',
    decisions: ['submit'],
    next: ['growth-plan.review'],
    remindBefore: { days: 3 },
    escalate: villageChain(7, 14),
    legacyEscalate: villageChain(7, 14).slice(0, 1),
  },
  growthPlanReview: {
    key: 'growth-plan.review',
    name: '导师审阅成长计划',
    nameEn: 'Mentor reviews plan',
    role: 'mentor',
    form: 'approval',
    decisions: ['approve', 'return'],
    returnTo: ['growth-plan.draft'],
    next: ['growth-plan.approval', 'growth-plan.draft'],
    remindBefore: { workingDays: 1 },
    escalate: [
      { after: { workingDays: 1 }, notify: 'township_officer' },
      { after: { workingDays: 3 }, notify: 'county_admin' },
    ],
    legacyEscalate: [],
  },
  growthPlanApproval: {
    key: 'growth-plan.approval',
    name: '乡镇审核成长计划',
    nameEn: 'Township approves plan',
    role: 'township_officer',
    form: 'approval',
    decisions: ['approve', 'return'],
    returnTo: ['growth-plan.draft'],
    next: ['exchange', 'growth-plan.draft'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: [],
  },
  exchange: {
    key: 'exchange',
    name: '定期交流（每月）',
    nameEn: 'Monthly exchange',
    role: 'mentor',
    occurrence: 'exchange.m',
    form: 'exchange',
    decisions: ['submit'],
    next: ['midterm.review', 'final.self-evaluation'],
    // The start's settings move both (see exchangeTimers).
    remindBefore: { days: 3 },
    escalate: villageChain(7, 14),
    legacyEscalate: villageChain(7, 14).slice(0, 1),
  },
  midtermReview: {
    key: 'midterm.review',
    name: '中期评估',
    nameEn: 'Mid-term review',
    role: 'mentor',
    form: 'midtermReview',
    decisions: ['submit'],
    next: ['final.self-evaluation'],
    deadline: { days: 14 },
    remindBefore: { days: 3 },
    escalate: villageChain(3, 7),
    legacyEscalate: [],
  },
  finalSelfEvaluation: {
    key: 'final.self-evaluation',
    name: '期满自评',
    nameEn: 'Self-evaluation',
    role: 'cadre',
    form: 'selfEvaluation',
    decisions: ['submit'],
    next: ['final.mentor-evaluation'],
    remindBefore: { days: 3 },
    escalate: villageChain(3, 7),
    legacyEscalate: [],
  },
  finalMentorEvaluation: {
    key: 'final.mentor-evaluation',
    name: '导师评价',
    nameEn: 'Mentor evaluation',
    role: 'mentor',
    form: 'mentorEvaluation',
    decisions: ['submit'],
    next: ['final.sign-off'],
    remindBefore: { days: 3 },
    escalate: villageChain(3, 7),
    legacyEscalate: [],
  },
  finalSignOff: {
    key: 'final.sign-off',
    name: '乡镇签署',
    nameEn: 'Township sign-off',
    role: 'township_officer',
    form: 'approval',
    decisions: ['approve', 'return'],
    returnTo: ['final.mentor-evaluation'],
    next: ['end', 'exchange'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: [],
  },
  end: { key: 'end', name: '结束', nameEn: 'End', role: null, next: [] },
});

/** A month's exchange: reminded before the month ends, the township told after, then the county. */
export function exchangeTimers(settings: { remindDaysBeforeMonthEnd: number; escalateDaysAfterMonthEnd: number }) {
  const chain = villageChain(settings.escalateDaysAfterMonthEnd, settings.escalateDaysAfterMonthEnd + 7);
  return {
    remindBefore: { days: settings.remindDaysBeforeMonthEnd },
    escalate: chain,
    legacyEscalate: chain.slice(0, 1),
  };
}
