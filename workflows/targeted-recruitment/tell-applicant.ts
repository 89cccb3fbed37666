// The campaign's word to an applicant's workflow (closed, or hired). An applicant an operator
// ended on its own (强制终止) is no longer there to hear it: its application was closed when it
// ended, and the campaign goes on for everyone else rather than failing on the one. Catching
// the failure issues no command, so recorded histories replay unchanged.
import { ApplicationFailure, getExternalWorkflowHandle } from '@temporalio/workflow';
import { applicantOutcomeSignal, type ApplicantOutcome } from './targeted-recruitment-definition.js';

/** What the server answers when the workflow signalled is not running. */
const NOT_FOUND = 'ExternalWorkflowExecutionNotFound';

export async function tellApplicant(workflowId: string, outcome: ApplicantOutcome): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(applicantOutcomeSignal, outcome);
  } catch (error) {
    if (!(error instanceof ApplicationFailure && error.type === NOT_FOUND)) throw error;
  }
}
