// One cadre's assessment (个人考核): self-report, the village Party secretary's review (a
// secretary is reviewed by the township), and the township's score on the cycle's rubric.
import { HumanSteps } from '../human-step/human-steps.js';
import type { Assignee } from '../human-step/types.js';
import { ENDS_AS_CANCELLED, beginProcess, endIfCancelledSince, endProcess } from '../process/process-lifecycle.js';
import {
  ANNUAL_ASSESSMENT,
  type CadreAssessmentInput,
  type CadreAssessmentResult,
} from './annual-assessment-definition.js';
import { annualAssessmentForms } from './annual-assessment-forms.js';
import { annualAssessmentSteps as S } from './annual-assessment-steps.js';
import { weightedTotal } from './rubric.js';

export async function cadreAssessment(input: CadreAssessmentInput): Promise<CadreAssessmentResult> {
  const { person, townshipId, villageId, settings, rubric } = input;
  const title = `${input.year} 年度考核：${person.name}`;
  const steps = new HumanSteps({
    type: ANNUAL_ASSESSMENT,
    title,
    forms: annualAssessmentForms,
    startedBy: input.startedBy,
  });
  const officer: Assignee = { kind: 'role', role: 'township_officer', townshipId };
  const reviewer: Assignee = input.isSecretary
    ? officer
    : { kind: 'role', role: 'village_secretary', townshipId, villageId };
  const base = { townshipId, villageId, context: { year: input.year, cadre: person.name } };
  const reviewName = input.isSecretary ? '乡镇评议（书记）' : undefined;

  try {
    await beginProcess({
      type: ANNUAL_ASSESSMENT,
      title,
      townshipId,
      villageId,
      subjectPersonId: person.personId,
      startedBy: input.startedBy,
      params: { year: input.year, rubric },
    });
    await steps.run(S.selfReport, {
      ...base,
      assignee: { kind: 'user', userId: person.userId },
      deadline: { days: settings.selfReportDays },
    });
    await steps.run(S.review, {
      ...base,
      name: reviewName,
      assignee: reviewer,
      deadline: { workingDays: settings.reviewWorkingDays },
    });
    const score = await steps.run(S.score, {
      ...base,
      formRequires: rubric.items.map((item) => `scores.${item.key}`),
      assignee: officer,
      deadline: { workingDays: settings.scoringWorkingDays },
      context: { ...base.context, rubric: rubric.items },
    });
    const scores = Object.fromEntries(rubric.items.map((item) => [item.key, score.form.scores[item.key]]));
    const result = { personId: person.personId, scores, total: weightedTotal(rubric, scores) };
    await endProcess('completed', { ...result });
    return result;
  } catch (error) {
    return endIfCancelledSince(ENDS_AS_CANCELLED, error, steps);
  }
}
