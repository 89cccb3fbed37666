// Every process type qinglan runs, by name: its Chinese name, its forms and its step catalogue.
// The API validates forms, serves the diagrams and counts progress from this one list.
import { ANNUAL_ASSESSMENT } from './annual-assessment/annual-assessment-definition.js';
import { annualAssessmentForms } from './annual-assessment/annual-assessment-forms.js';
import { annualAssessmentSteps } from './annual-assessment/annual-assessment-steps.js';
import type { FormRegistry } from './human-step/forms.js';
import { familyOf, stepsOf, stepViews, type AnyStepDefinition, type StepView } from './human-step/step-catalogue.js';
import { MENTOR_PAIRING } from './mentor-pairing/mentor-pairing-definition.js';
import { mentorPairingForms } from './mentor-pairing/mentor-pairing-forms.js';
import { mentorPairingSteps } from './mentor-pairing/mentor-pairing-steps.js';
import { RESERVE_CULTIVATION } from './reserve-cultivation/reserve-cultivation-definition.js';
import { reserveCultivationForms } from './reserve-cultivation/reserve-cultivation-forms.js';
import { reserveCultivationSteps } from './reserve-cultivation/reserve-cultivation-steps.js';
import { RESERVE_INTAKE } from './reserve-cultivation/reserve-intake-definition.js';
import { reserveIntakeSteps } from './reserve-cultivation/reserve-intake-steps.js';
import { RECRUITMENT_APPLICANT, RECRUITMENT_CAMPAIGN } from './targeted-recruitment/targeted-recruitment-definition.js';
import { targetedRecruitmentForms } from './targeted-recruitment/targeted-recruitment-forms.js';
import {
  recruitmentApplicantSteps,
  recruitmentCampaignSteps,
} from './targeted-recruitment/targeted-recruitment-steps.js';

export interface ProcessType {
  type: string;
  name: string;
  nameEn: string;
  forms: FormRegistry;
  catalogue: Record<string, AnyStepDefinition>;
}

export const PROCESS_TYPES: Record<string, ProcessType> = {
  [MENTOR_PAIRING]: {
    type: MENTOR_PAIRING,
    name: '导师帮带',
    nameEn: 'Mentor pairing',
    forms: mentorPairingForms,
    catalogue: mentorPairingSteps,
  },
  [ANNUAL_ASSESSMENT]: {
    type: ANNUAL_ASSESSMENT,
    name: '年度考核',
    nameEn: 'Annual assessment',
    forms: annualAssessmentForms,
    catalogue: annualAssessmentSteps,
  },
  [RESERVE_INTAKE]: {
    type: RESERVE_INTAKE,
    name: '后备干部推选',
    nameEn: 'Reserve intake',
    forms: reserveCultivationForms,
    catalogue: reserveIntakeSteps,
  },
  [RESERVE_CULTIVATION]: {
    type: RESERVE_CULTIVATION,
    name: '后备干部培养',
    nameEn: 'Reserve cultivation',
    forms: reserveCultivationForms,
    catalogue: reserveCultivationSteps,
  },
  [RECRUITMENT_CAMPAIGN]: {
    type: RECRUITMENT_CAMPAIGN,
    name: '定向考录',
    nameEn: 'Targeted recruitment',
    forms: targetedRecruitmentForms,
    catalogue: recruitmentCampaignSteps,
  },
  [RECRUITMENT_APPLICANT]: {
    type: RECRUITMENT_APPLICANT,
    name: '定向考录报考',
    nameEn: 'Targeted recruitment application',
    forms: targetedRecruitmentForms,
    catalogue: recruitmentApplicantSteps,
  },
};

/**
 * The catalogue step an occurrence key belongs to (`objection.o2` → `objection.answer`,
 * `exchange.m3` → `exchange`): what the diagram highlights, the progress table counts and
 * exports name. An unknown key stays itself, so a row is shown rather than lost.
 */
export function stepFamily(processType: string, stepKey: string): string {
  const type = PROCESS_TYPES[processType];
  return (type && familyOf(stepsOf(type.catalogue), stepKey)) ?? stepKey;
}

/** The definitions the API serves: the diagram, step names in both languages, forms and timers. */
export function processDefinitions(): { type: string; name: string; nameEn: string; steps: StepView[] }[] {
  return Object.values(PROCESS_TYPES).map(({ type, name, nameEn, catalogue }) => ({
    type,
    name,
    nameEn,
    steps: stepViews(catalogue),
  }));
}
