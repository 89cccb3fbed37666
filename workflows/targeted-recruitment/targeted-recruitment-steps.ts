// The steps of a targeted recruitment campaign and of each applicant, declared once: the
// workflows run them, the API serves them as the diagram, the console names them.
import { defineSteps } from '../human-step/step-catalogue.js';
import type { EscalationHop } from '../human-step/types.js';
import { targetedRecruitmentForms } from './targeted-recruitment-forms.js';

/** The township Party secretary's work: the county is told, then told again. */
const secretaryChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'county_admin' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];
/** The county's own step: told again, and again later, there being no one above it. */
const countyChain: EscalationHop[] = [
  { after: { workingDays: 2 }, notify: 'county_admin' },
  { after: { workingDays: 5 }, notify: 'county_admin' },
];

export const recruitmentCampaignSteps = defineSteps(targetedRecruitmentForms, {
  applications: { key: 'applications', name: '报名', nameEn: 'Applications', role: null, next: ['county-review'] },
  countyReview: {
    key: 'county-review',
    name: '资格复审',
    nameEn: 'County qualification review',
    role: 'county_admin',
    form: 'countyReview',
    decisions: ['approve'],
    next: ['notice'],
    remindBefore: { workingDays: 1 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  notice: {
    key: 'notice',
    name: '资格审查公示',
    nameEn: 'Notice of the qualified',
    role: null,
    next: ['objection.answer', 'written'],
  },
  objectionAnswer: {
    key: 'objection.answer',
    name: '异议答复',
    nameEn: 'Answer to objection',
    role: 'county_admin',
    occurrence: 'objection.o',
    form: 'objectionAnswer',
    decisions: ['approve', 'reject'],
    next: ['written', 'inspection'],
    remindBefore: { workingDays: 1 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  written: {
    key: 'written',
    name: '笔试成绩',
    nameEn: 'Written exam scores',
    role: 'county_admin',
    form: 'scores',
    decisions: ['submit'],
    next: ['interview'],
    remindBefore: { workingDays: 2 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  interview: {
    key: 'interview',
    name: '面试成绩',
    nameEn: 'Interview scores',
    role: 'county_admin',
    form: 'scores',
    decisions: ['submit'],
    next: ['inspection'],
    remindBefore: { workingDays: 2 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  inspection: {
    key: 'inspection',
    name: '体检与考察',
    nameEn: 'Medical and inspection',
    role: 'county_admin',
    occurrence: 'inspection.a',
    form: 'inspection',
    decisions: ['approve', 'reject'],
    next: ['hire-notice', 'inspection'],
    remindBefore: { workingDays: 2 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  hireNotice: {
    key: 'hire-notice',
    name: '拟录用公示',
    nameEn: 'Notice of proposed hires',
    role: null,
    next: ['objection.answer', 'approval'],
  },
  approval: {
    key: 'approval',
    name: '审批录用',
    nameEn: 'Approval of the hires',
    role: 'county_admin',
    occurrence: 'approval.r',
    form: 'approval',
    decisions: ['approve'],
    next: ['hire'],
    remindBefore: { workingDays: 1 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  hire: { key: 'hire', name: '录用', nameEn: 'Hire', role: null, next: [] },
});

export const recruitmentApplicantSteps = defineSteps(targetedRecruitmentForms, {
  recommendation: {
    key: 'recommendation',
    name: '乡镇党委推荐',
    nameEn: 'Township Party committee recommendation',
    role: 'township_secretary',
    form: 'recommendation',
    decisions: ['approve', 'reject'],
    next: ['probation', 'closed'],
    remindBefore: { workingDays: 1 },
    escalate: secretaryChain,
    legacyEscalate: secretaryChain,
  },
  probation: { key: 'probation', name: '试用期', nameEn: 'Probation', role: null, next: ['probation.review'] },
  probationReview: {
    key: 'probation.review',
    name: '试用期满考核',
    nameEn: 'End-of-probation review',
    role: 'county_admin',
    form: 'probationReview',
    decisions: ['approve', 'reject'],
    next: ['closed'],
    remindBefore: { workingDays: 2 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  closed: { key: 'closed', name: '结束', nameEn: 'Closed', role: null, next: [] },
});
