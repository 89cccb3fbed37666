import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { fromTemporalError } from './temporal-errors.js';

const refused = (type: string, details: unknown[] = []) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message: 'refused', details, nonRetryable: true }),
  );

describe('Temporal errors in the API', () => {
  it('a refused Update answers with its refusal: 409 decided, 403 not yours, 400 with the form fields', () => {
    expect(fromTemporalError(refused('task_closed'))).toMatchObject({ status: 409, code: 'conflict' });
    expect(fromTemporalError(refused('not_assignee'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(
      fromTemporalError(refused('invalid_form', [[{ field: 'form.opinion', message: 'required' }]])),
    ).toMatchObject({
      status: 400,
      code: 'validation_failed',
      fields: [{ field: 'form.opinion', message: '必填', messageEn: 'required' }],
    });
  });

  it('an ended process is a 409 on the task', () => {
    expect(fromTemporalError(new WorkflowNotFoundError('gone', 'p-1', undefined))).toMatchObject({
      status: 409,
      fields: [{ field: 'task' }],
    });
    expect(fromTemporalError(new Error('workflow execution already completed'))).toMatchObject({ status: 409 });
  });

  it('leaves anything else to the error handler’s 500', () => {
    expect(fromTemporalError(new Error('boom'))).toBeUndefined();
    expect(fromTemporalError(refused('something_else'))).toBeUndefined();
    expect(fromTemporalError('not an error')).toBeUndefined();
  });
});
