// The steps of the annual assessment (年度考核), declared once: the cadre's own workflow runs the
// first three, the township's the rest; the API serves them as the diagram and the progress
// table counts open tasks by them. Deadlines come from the cycle's settings.
import { defineSteps } from '../human-step/step-catalogue.js';
import type { EscalationHop } from '../human-step/types.js';
import { annualAssessmentForms } from './annual-assessment-forms.js';

/** Village-level work (a cadre, the village Party secretary): the township officer, then the county. */
const villageChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'township_officer' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];
/** The township officer's own work: the township Party secretary, then the county. */
const officerChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'township_secretary' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];
/** Before chains, the officer's publishing and answering went straight to the county. */
const toCountyOnce: EscalationHop[] = [{ after: { workingDays: 1 }, notify: 'county_admin' }];

export const annualAssessmentSteps = defineSteps(annualAssessmentForms, {
  selfReport: {
    key: 'self-report',
    name: '述职自评',
    nameEn: 'Self-report',
    role: 'cadre',
    form: 'selfReport',
    decisions: ['submit'],
    next: ['review'],
    remindBefore: { days: 3 },
    escalate: [
      { after: { days: 3 }, notify: 'township_officer' },
      { after: { days: 7 }, notify: 'county_admin' },
    ],
    legacyEscalate: [{ after: { days: 3 }, notify: 'township_officer' }],
  },
  review: {
    // For a village Party secretary the township officer reviews (乡镇评议（书记）).
    key: 'review',
    name: '村党组织书记评议',
    nameEn: 'Village secretary review',
    role: 'village_secretary',
    form: 'review',
    decisions: ['submit'],
    next: ['score'],
    remindBefore: { workingDays: 1 },
    escalate: villageChain,
    legacyEscalate: [],
  },
  score: {
    key: 'score',
    name: '乡镇评分',
    nameEn: 'Township scoring',
    role: 'township_officer',
    form: 'score',
    decisions: ['submit'],
    next: ['ranking'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: [],
  },
  ranking: { key: 'ranking', name: '乡镇排名', nameEn: 'Township ranking', role: null, next: ['publish-notice'] },
  publishNotice: {
    key: 'publish-notice',
    name: '发布公示',
    nameEn: 'Publish the notice',
    role: 'township_officer',
    form: 'publishNotice',
    decisions: ['submit'],
    next: ['notice'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: toCountyOnce,
  },
  notice: {
    key: 'notice',
    name: '公示',
    nameEn: 'Public notice',
    role: null,
    next: ['objection.answer', 'confirm-results'],
  },
  objectionAnswer: {
    key: 'objection.answer',
    name: '异议答复',
    nameEn: 'Answer to objection',
    role: 'township_officer',
    occurrence: 'objection.o',
    form: 'objectionAnswer',
    decisions: ['approve', 'reject'],
    next: ['rescore', 'notice'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: toCountyOnce,
  },
  rescore: {
    key: 'rescore',
    name: '重新评分',
    nameEn: 'Rescoring',
    role: 'township_officer',
    occurrence: 'rescore.o',
    form: 'score',
    decisions: ['submit'],
    next: ['ranking'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: [],
  },
  confirmResults: {
    key: 'confirm-results',
    name: '确认考核结果',
    nameEn: 'Confirm the results',
    role: 'township_officer',
    form: 'confirmResults',
    decisions: ['submit'],
    next: ['outcomes'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: toCountyOnce,
  },
  outcomes: { key: 'outcomes', name: '结果运用', nameEn: 'Use of results', role: null, next: ['reminder-talk', 'end'] },
  reminderTalk: {
    // The township Party secretary answers to the county alone: one hop is the whole chain.
    key: 'reminder-talk',
    name: '提醒谈话',
    nameEn: 'Reminder talk',
    role: 'township_secretary',
    occurrence: 'reminder-talk.p',
    form: 'reminderTalk',
    decisions: ['submit'],
    next: ['end'],
    remindBefore: { workingDays: 2 },
    escalate: toCountyOnce,
    legacyEscalate: toCountyOnce,
  },
  end: { key: 'end', name: '结束', nameEn: 'End', role: null, next: [] },
});
