import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createTaskActivities } from '../../../activities/human-steps/task-activities.js';
import { writeAudit } from '../../audit/audit.js';
import type { AppEnv } from '../../context.js';
import { fail, invalidField } from '../../errors/errors.js';
import {
  MENTOR_PAIRING,
  type MentorPairingInput,
} from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import { mentorPairing } from '../../../workflows/mentor-pairing/mentor-pairing-workflow.js';
import type { PairingSettingsInput } from './mentor-pairing-schemas.js';
import { findMentee, findMentor, nextPairingId } from './pairing-people.js';

export interface StartPairing {
  menteePersonId: number;
  mentorPersonId: number;
  reason?: string;
  settings?: z.infer<typeof PairingSettingsInput>;
}

/** Township officers propose pairings in their township; the county anywhere, and only it changes durations. */
export function assertMayStart(c: Context<AppEnv>, townshipId: number, settings: unknown): void {
  const user = c.var.user;
  if (user.role !== 'county_admin' && !(user.role === 'township_officer' && user.townshipId === townshipId))
    throw fail('forbidden');
  if (settings && user.role !== 'county_admin')
    throw invalidField('settings', '只有县委组织部可以调整流程时限', 'only the county admin may change durations');
}

export async function startPairing(
  c: Context<AppEnv>,
  body: StartPairing,
  fieldPrefix = '',
): Promise<{ id: string; title: string }> {
  const db = c.var.deps.db;
  const field = (name: string) => `${fieldPrefix}${name}`;
  const mentee = await findMentee(db, body.menteePersonId, field('menteePersonId'));
  assertMayStart(c, mentee.townshipId, body.settings);
  const mentor = await findMentor(db, body.mentorPersonId, field('mentorPersonId'));
  if (mentor.personId === mentee.personId)
    throw invalidField(field('mentorPersonId'), '导师不能是本人', 'the mentee cannot mentor themselves');
  const id = await nextPairingId(db, mentee.personId, field('menteePersonId'), c.var.deps.temporal.idPrefix);
  const input: MentorPairingInput = {
    townshipId: mentee.townshipId,
    villageId: mentee.villageId,
    mentee: { personId: mentee.personId, userId: mentee.userId, name: mentee.name },
    mentor,
    proposedBy: c.var.user.id,
    reason: body.reason,
    settings: body.settings,
  };
  const title = `导师帮带：${mentor.name} → ${mentee.name}`;
  const { temporal } = c.var.deps;
  await temporal.client.workflow
    .start(mentorPairing, { taskQueue: temporal.taskQueue, workflowId: id, args: [input] })
    .catch((error) => {
      // Which field to blame only this route knows, so it is mapped here rather than in the error handler.
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw invalidField(field('menteePersonId'), '该干部已有进行中的导师帮带', 'already running');
      throw error;
    });
  // The workflow registers itself too; writing the row here as well lets the console open it at once.
  await createTaskActivities(db).registerProcess({
    id,
    type: MENTOR_PAIRING,
    title,
    townshipId: input.townshipId,
    villageId: input.villageId,
    subjectPersonId: mentee.personId,
    startedBy: c.var.user.id,
    params: { mentee: input.mentee, mentor, reason: body.reason },
  });
  await writeAudit(c, {
    action: 'process.started',
    resource: 'processes',
    recordId: id,
    detail: { type: MENTOR_PAIRING, mentee: mentee.personId, mentor: mentor.personId },
  });
  return { id, title };
}
