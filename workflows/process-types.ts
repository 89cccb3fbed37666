// Every process type qinglan runs, by name: its Chinese name, its forms and its steps as data.
// The API validates forms and the console draws diagrams from this one list.
import { ANNUAL_ASSESSMENT, ANNUAL_ASSESSMENT_STEPS } from './annual-assessment/annual-assessment-definition.js';
import { annualAssessmentForms } from './annual-assessment/annual-assessment-forms.js';
import type { FormRegistry } from './human-step/forms.js';
import { MENTOR_PAIRING, MENTOR_PAIRING_STEPS } from './mentor-pairing/mentor-pairing-definition.js';
import { mentorPairingForms } from './mentor-pairing/mentor-pairing-forms.js';

export interface StepDefinition {
  key: string;
  name: string;
  role: string | null;
  next: readonly string[];
}

export interface ProcessType {
  type: string;
  name: string;
  nameEn: string;
  forms: FormRegistry;
  steps: readonly StepDefinition[];
}

export const PROCESS_TYPES: Record<string, ProcessType> = {
  [MENTOR_PAIRING]: { type: MENTOR_PAIRING, name: '导师帮带', nameEn: 'Mentor pairing', forms: mentorPairingForms, steps: MENTOR_PAIRING_STEPS },
  [ANNUAL_ASSESSMENT]: { type: ANNUAL_ASSESSMENT, name: '年度考核', nameEn: 'Annual assessment', forms: annualAssessmentForms, steps: ANNUAL_ASSESSMENT_STEPS },
};

/** Step keys carry a suffix per occurrence (exchange.m3); the diagram knows them by family. */
export function stepFamily(stepKey: string): string {
  return stepKey.replace(/\.(m|o|p)\d+$/, '');
}
