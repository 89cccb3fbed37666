// The steps of a reserve's cultivation (后备干部培养), declared once. Talks recur: a mentor talk
// every 6 months and the township Party secretary's every 12 (settings), each with a reminder
// and an escalation that reaches the county when it is missed.
import { defineSteps } from '../human-step/step-catalogue.js';
import type { EscalationHop } from '../human-step/types.js';
import { reserveCultivationForms } from './reserve-cultivation-forms.js';

/** A mentor's or a village's work: the township officer after a week, the county after two. */
const villageChain: EscalationHop[] = [
  { after: { days: 7 }, notify: 'township_officer' },
  { after: { days: 14 }, notify: 'county_admin' },
];
const officerChain: EscalationHop[] = [
  { after: { workingDays: 2 }, notify: 'township_secretary' },
  { after: { workingDays: 5 }, notify: 'county_admin' },
];
/** The township Party secretary answers to the county alone. */
const secretaryChain: EscalationHop[] = [{ after: { days: 7 }, notify: 'county_admin' }];

export const reserveCultivationSteps = defineSteps(reserveCultivationForms, {
  trial: { key: 'trial', name: '试用期', nameEn: 'Trial', role: null, next: ['mentor.assign'] },
  mentorAssign: {
    key: 'mentor.assign',
    name: '确定培养导师',
    nameEn: 'Name a mentor',
    role: 'township_officer',
    form: 'mentorAssignment',
    decisions: ['submit'],
    next: ['talk.mentor', 'talk.secretary'],
    remindBefore: { days: 7 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  mentorTalk: {
    key: 'talk.mentor',
    name: '导师谈话',
    nameEn: 'Mentor talk',
    role: 'mentor',
    occurrence: 'talk.mentor.t',
    form: 'talk',
    decisions: ['submit'],
    next: ['review'],
    remindBefore: { days: 7 },
    escalate: villageChain,
    legacyEscalate: villageChain,
  },
  secretaryTalk: {
    key: 'talk.secretary',
    name: '乡镇党委书记谈话',
    nameEn: 'Township secretary talk',
    role: 'township_secretary',
    occurrence: 'talk.secretary.t',
    form: 'talk',
    decisions: ['submit'],
    next: ['review'],
    remindBefore: { days: 7 },
    escalate: secretaryChain,
    legacyEscalate: secretaryChain,
  },
  training: {
    key: 'training',
    name: '年度培训与岗位锻炼',
    nameEn: 'Training and placements',
    role: 'township_officer',
    occurrence: 'training.y',
    form: 'training',
    decisions: ['submit'],
    next: ['review'],
    remindBefore: { days: 7 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  review: {
    key: 'review',
    name: '年度考察',
    nameEn: 'Yearly review',
    role: 'township_officer',
    occurrence: 'review.y',
    form: 'yearlyReview',
    decisions: ['submit'],
    next: ['keep-or-exit', 'next-year'],
    remindBefore: { workingDays: 2 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  keepOrExit: {
    key: 'keep-or-exit',
    name: '不合格处理（保留或退出）',
    nameEn: 'Keep or exit',
    role: 'township_secretary',
    occurrence: 'keep-or-exit.y',
    form: 'keepOrExit',
    decisions: ['submit'],
    next: ['next-year', 'exited'],
    remindBefore: { workingDays: 2 },
    escalate: [{ after: { workingDays: 3 }, notify: 'county_admin' }],
    legacyEscalate: [{ after: { workingDays: 3 }, notify: 'county_admin' }],
  },
  nextYear: {
    key: 'next-year',
    name: '下一培养年度',
    nameEn: 'Next year',
    role: null,
    next: ['talk.mentor', 'used', 'exited'],
  },
  used: { key: 'used', name: '已使用', nameEn: 'Used', role: null, next: [] },
  exited: { key: 'exited', name: '已退出', nameEn: 'Exited', role: null, next: [] },
});
