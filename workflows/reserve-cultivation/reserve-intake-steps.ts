// The steps of the yearly reserve intake (后备干部年度推选), declared once: the workflow runs
// them, the API serves them as the diagram, the console names them and counts progress by them.
import { defineSteps } from '../human-step/step-catalogue.js';
import type { EscalationHop } from '../human-step/types.js';
import { reserveCultivationForms } from './reserve-cultivation-forms.js';

/** Village-level work: the township officer, then the county. */
const villageChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'township_officer' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];
/** The township officer's own work: the township Party secretary, then the county. */
const officerChain: EscalationHop[] = [
  { after: { workingDays: 1 }, notify: 'township_secretary' },
  { after: { workingDays: 3 }, notify: 'county_admin' },
];
/** The county's own step: told again, and again later, there being no one above it. */
const countyChain: EscalationHop[] = [
  { after: { workingDays: 2 }, notify: 'county_admin' },
  { after: { workingDays: 5 }, notify: 'county_admin' },
];

export const reserveIntakeSteps = defineSteps(reserveCultivationForms, {
  nomination: {
    key: 'nomination',
    name: '村级推荐',
    nameEn: 'Village nominations',
    role: 'village_secretary',
    occurrence: 'nomination.v',
    form: 'villageNominations',
    decisions: ['submit'],
    next: ['review.village'],
    remindBefore: { days: 3 },
    escalate: villageChain,
    legacyEscalate: villageChain,
  },
  villageReview: {
    key: 'review.village',
    name: '村党组织资格初审',
    nameEn: 'Village branch qualification review',
    role: 'village_secretary',
    occurrence: 'review.v',
    form: 'qualificationReview',
    decisions: ['submit'],
    next: ['review.township'],
    remindBefore: { workingDays: 1 },
    escalate: villageChain,
    legacyEscalate: villageChain,
  },
  townshipReview: {
    key: 'review.township',
    name: '乡镇资格审查',
    nameEn: 'Township qualification review',
    role: 'township_officer',
    form: 'qualificationReview',
    decisions: ['submit'],
    next: ['exam', 'inspection'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  exam: {
    key: 'exam',
    name: '考试成绩录入',
    nameEn: 'Exam scores',
    role: 'township_officer',
    form: 'examScores',
    decisions: ['submit'],
    next: ['inspection'],
    remindBefore: { workingDays: 2 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  inspection: {
    key: 'inspection',
    name: '考察',
    nameEn: 'Inspection',
    role: 'township_officer',
    occurrence: 'inspection.p',
    form: 'inspection',
    decisions: ['approve', 'reject'],
    next: ['county-review', 'inspection'],
    remindBefore: { workingDays: 2 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  countyReview: {
    key: 'county-review',
    name: '县级联审',
    nameEn: 'County joint review',
    role: 'county_admin',
    occurrence: 'county-review.r',
    form: 'countyReview',
    decisions: ['approve'],
    next: ['notice', 'inspection'],
    remindBefore: { workingDays: 1 },
    escalate: countyChain,
    legacyEscalate: countyChain,
  },
  notice: { key: 'notice', name: '公示', nameEn: 'Public notice', role: null, next: ['objection.answer', 'entry'] },
  objectionAnswer: {
    key: 'objection.answer',
    name: '异议答复',
    nameEn: 'Answer to objection',
    role: 'township_officer',
    occurrence: 'objection.o',
    form: 'objectionAnswer',
    decisions: ['approve', 'reject'],
    next: ['notice', 'inspection'],
    remindBefore: { workingDays: 1 },
    escalate: officerChain,
    legacyEscalate: officerChain,
  },
  entry: { key: 'entry', name: '入库', nameEn: 'Entry into the pool', role: null, next: ['filing'] },
  filing: { key: 'filing', name: '备案', nameEn: 'Filing with the county', role: null, next: [] },
});
