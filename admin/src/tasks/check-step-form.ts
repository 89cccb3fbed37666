// The console checks a step's form with the very zod schema the workflow's validator applies,
// so a clerk sees what is wrong beside the field before anything is sent. The server's check
// stays authoritative (it also knows per-occurrence requirements such as this year's rubric).
import { splitMessage } from '../../../api/validation/bilingual-errors';
import { annualAssessmentForms } from '../../../workflows/annual-assessment/annual-assessment-forms';
import { checkForm, type FormRegistry } from '../../../workflows/human-step/forms';
import { mentorPairingForms } from '../../../workflows/mentor-pairing/mentor-pairing-forms';
import { reserveCultivationForms } from '../../../workflows/reserve-cultivation/reserve-cultivation-forms';
import { targetedRecruitmentForms } from '../../../workflows/targeted-recruitment/targeted-recruitment-forms';

const FORMS_BY_PROCESS: Record<string, FormRegistry> = {
    'mentor-pairing': mentorPairingForms,
    'annual-assessment': annualAssessmentForms,
    'reserve-intake': reserveCultivationForms,
    'reserve-cultivation': reserveCultivationForms,
    'recruitment-campaign': targetedRecruitmentForms,
    'recruitment-applicant': targetedRecruitmentForms,
};

/** Problems by input (`form.notes`), in the console's language; empty when the form is fine. */
export function stepFormProblems(
    processType: string,
    formName: string,
    value: Record<string, unknown>,
    locale: string,
): Record<string, string> {
    const registry = FORMS_BY_PROCESS[processType];
    if (!registry?.[formName]) return {};
    const problems: Record<string, string> = {};
    for (const { field, message } of checkForm(registry, formName, value)) {
        // goals.0 → the goals input; a whole-form problem is shown on the first input's row
        const input = `form.${field.split('.')[0]}`;
        const { zh, en } = splitMessage(message);
        problems[input] ??= locale.startsWith('en') ? en : zh;
    }
    return problems;
}
