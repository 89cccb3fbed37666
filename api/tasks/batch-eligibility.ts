// Which tasks 批量同意 may decide: a step whose 同意 needs nothing filled in — its form takes an
// empty submission and has no field but an optional opinion (审批意见). A step with anything
// more to look at or fill in (a list of applicants, a score, a talk record) is decided one by one.
import { z } from 'zod';
import { PROCESS_TYPES } from '../../workflows/process-types.js';

const OPINION_ONLY = new Set(['opinion']);

export function approvesWithoutForm(task: { processType: string; form: string; actions: readonly string[] }): boolean {
  if (!task.actions.includes('approve')) return false;
  const schema = PROCESS_TYPES[task.processType]?.forms[task.form];
  if (!(schema instanceof z.ZodObject) || !schema.safeParse({}).success) return false;
  return Object.keys(schema.shape).every((field) => OPINION_ONLY.has(field));
}
