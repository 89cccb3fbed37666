import type { ComponentType } from 'react';
import { ApprovalForm } from './approval-form';
import { ConfirmResultsForm } from './confirm-results-form';
import { ExchangeForm, exchangeDefaults } from './exchange-form';
import { filledValues } from './filled-values';
import { cleanGrowthPlan, GrowthPlanForm } from './growth-plan-form';
import { MentorEvaluationForm } from './mentor-evaluation-form';
import { MidtermReviewForm } from './midterm-review-form';
import { ObjectionAnswerForm } from './objection-answer-form';
import { CountyReviewForm, InspectionForm, ProbationReviewForm, RecommendationForm } from './recruitment-forms';
import { PublishNoticeForm, publishNoticeDefaults } from './publish-notice-form';
import { ReminderTalkForm, reminderTalkDefaults } from './reminder-talk-form';
import {
    cleanTraining,
    KeepOrExitForm,
    MentorAssignmentForm,
    TrainingForm,
    trainingDefaults,
    YearlyReviewForm,
} from './reserve-cultivation-forms';
import {
    FindingsForm,
    PoolCountyReviewForm,
    QualificationReviewForm,
    VillageNominationsForm,
} from './reserve-intake-forms';
import { ReviewForm } from './review-form';
import { cleanScore, ScoreForm, scoreDefaults } from './score-form';
import { SelfEvaluationForm } from './self-evaluation-form';
import { SelfReportForm } from './self-report-form';
import type { Task, TaskDecision } from '../types';

export interface StepForm {
    /** The inputs, with sources under `form.` so the API's `form.<field>` errors land on them. */
    Inputs: ComponentType<{ task: Task }>;
    defaults?: (task: Task) => Record<string, unknown>;
    /** Shapes the values for the API beyond dropping empty ones. */
    clean?: (form: Record<string, unknown>) => Record<string, unknown>;
    /** Labels of the decision buttons where the step names them its own way (采纳 / 不予采纳). */
    decisionLabels?: Partial<Record<TaskDecision, string>>;
    /** A form field that is also the reason of 驳回, so the form is checked and no reason is asked. */
    reasonField?: string;
    /** Steps done on another page (scores imported from a spreadsheet): where, and what to say. */
    doneOn?: { path: string; message: string };
}

const nothing = () => null;

/** One form per form name of the process definitions, shared by the processes that use the name. */
export const STEP_FORMS: Record<string, StepForm> = {
    approval: { Inputs: ApprovalForm },
    growthPlan: { Inputs: GrowthPlanForm, clean: cleanGrowthPlan },
    exchange: { Inputs: ExchangeForm, defaults: exchangeDefaults },
    midtermReview: { Inputs: MidtermReviewForm },
    selfEvaluation: { Inputs: SelfEvaluationForm },
    mentorEvaluation: { Inputs: MentorEvaluationForm },
    // 年度考核
    selfReport: { Inputs: SelfReportForm },
    review: { Inputs: ReviewForm },
    score: { Inputs: ScoreForm, defaults: scoreDefaults, clean: cleanScore },
    objectionAnswer: {
        Inputs: ObjectionAnswerForm,
        decisionLabels: { approve: 'qinglan.forms.uphold', reject: 'qinglan.forms.dismiss' },
        reasonField: 'answer',
    },
    publishNotice: { Inputs: PublishNoticeForm, defaults: publishNoticeDefaults },
    confirmResults: { Inputs: ConfirmResultsForm },
    reminderTalk: { Inputs: ReminderTalkForm, defaults: reminderTalkDefaults },
    // 后备干部推选 (定向考录's 体检与考察 and 资格复审 have their own, below)
    villageNominations: { Inputs: VillageNominationsForm },
    qualificationReview: { Inputs: QualificationReviewForm },
    inspection: { Inputs: FindingsForm, reasonField: 'findings' },
    countyReview: { Inputs: PoolCountyReviewForm },
    examScores: {
        Inputs: nothing,
        doneOn: { path: '/reserve-intake', message: 'qinglan.forms.exam_scores_on_intake' },
    },
    // 后备干部培养 (导师谈话 and 书记谈话 are talks like 提醒谈话)
    mentorAssignment: { Inputs: MentorAssignmentForm },
    talk: { Inputs: ReminderTalkForm, defaults: reminderTalkDefaults },
    training: { Inputs: TrainingForm, defaults: trainingDefaults, clean: cleanTraining },
    yearlyReview: { Inputs: YearlyReviewForm },
    keepOrExit: { Inputs: KeepOrExitForm },
};

/**
 * Forms a process names as another process names a different form (定向考录's countyReview
 * lists applicants; 后备干部's returns people): looked up by the task's process type first.
 */
const PROCESS_STEP_FORMS: Record<string, Record<string, StepForm>> = {
    'recruitment-campaign': {
        countyReview: { Inputs: CountyReviewForm, defaults: () => ({ disqualified: [] }) },
        inspection: { Inputs: InspectionForm, reasonField: 'findings' },
        scores: {
            Inputs: nothing,
            doneOn: { path: '/targeted-recruitment', message: 'qinglan.forms.scores_on_campaign' },
        },
    },
    'recruitment-applicant': {
        recommendation: { Inputs: RecommendationForm, reasonField: 'opinion' },
        probationReview: { Inputs: ProbationReviewForm, reasonField: 'findings' },
    },
};

export const stepFormOf = (task: Pick<Task, 'form' | 'processType'>): StepForm =>
    PROCESS_STEP_FORMS[task.processType]?.[task.form] ?? STEP_FORMS[task.form] ?? STEP_FORMS.approval;

/** What is sent: the filled values, shaped by the step's own `clean`. */
export const formPayload = (form: StepForm, values: unknown): Record<string, unknown> => {
    const payload = filledValues(values);
    return form.clean ? form.clean(payload) : payload;
};
