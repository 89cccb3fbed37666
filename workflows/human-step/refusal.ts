import { ApplicationFailure } from '@temporalio/workflow';
import type { FormProblem } from './forms.js';
import type { Refusal } from './types.js';

/** A refused action. The type is the refusal code; details carry the failing fields. */
export function refuse(code: Refusal, message: string, fields: FormProblem[] = []): never {
  throw ApplicationFailure.create({ type: code, message, details: [fields], nonRetryable: true });
}
