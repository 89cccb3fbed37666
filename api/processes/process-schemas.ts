import { z } from '@hono/zod-openapi';

export const ProcessIdParam = z.object({
  id: z
    .string()
    // A scheduled run's id ends in the moment it was due: `…-cycle-2026-03-01T01:00:00Z`.
    .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{2,119}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'mentor-pairing-812-1' }),
});

export const ProcessSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    townshipId: z.number().int().nullable(),
    townshipName: z.string().nullable(),
    villageId: z.number().int().nullable(),
    subjectPersonId: z.number().int().nullable(),
    subjectName: z.string().nullable(),
    status: z.string(),
    currentStep: z.string().nullable(),
    startedBy: z.number().int().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    outcome: z.record(z.string(), z.unknown()).nullable(),
    overdueTasks: z.number().int(),
    openTasks: z.number().int(),
  })
  .openapi('Process');

export const TimelineEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string(),
    comment: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    actorUserId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    taskId: z.number().int().nullable(),
    stepKey: z.string().nullable(),
    stepName: z.string().nullable(),
  })
  .openapi('TimelineEntry');

/** The activity a process waits on after it failed past its retry policy (异常). */
export const IncidentSchema = z
  .object({
    id: z.number().int(),
    activity: z.string(),
    step: z.string().nullable(),
    errorType: z.string(),
    errorMessage: z.string(),
    nonRetryable: z.boolean(),
    /** Tries before it became an incident; null when a time limit ended them. */
    attempts: z.number().int().nullable(),
    firstFailedAt: z.string(),
    failedAt: z.string(),
  })
  .openapi('Incident');

const Count = z.number().int();
export const IncidentSummarySchema = z
  .object({
    total: Count,
    byTownship: z.array(
      z.object({ townshipId: z.number().int().nullable(), townshipName: z.string().nullable(), count: Count }),
    ),
    byType: z.array(z.object({ type: z.string(), count: Count })),
    items: z.array(
      z.object({
        id: z.number().int(),
        processId: z.string(),
        title: z.string(),
        type: z.string(),
        townshipId: z.number().int().nullable(),
        townshipName: z.string().nullable(),
        step: z.string().nullable(),
        errorMessage: z.string(),
        failedAt: z.string(),
      }),
    ),
  })
  .openapi('IncidentSummary');

export const ProcessDetailSchema = ProcessSchema.extend({
  timeline: z.array(TimelineEntrySchema),
  /** Step families the run has been through, and the ones open now: the diagram's highlights. */
  path: z.array(z.string()),
  current: z.array(z.string()),
  /** The open incident the process waits on (状态 异常); null when there is none. */
  incident: IncidentSchema.nullable(),
}).openapi('ProcessDetail');

export const PROCESS_SORTS = ['startedAt', 'endedAt', 'title', 'status', 'type', 'overdueTasks'] as const;

const OffsetSchema = z.union([
  z.object({ days: z.number() }),
  z.object({ workingDays: z.number() }),
  z.object({ hours: z.number() }),
]);

/** One step of a process type's catalogue, as the diagram and the console's step names read it. */
export const StepDefinitionSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    role: z.string().nullable(),
    next: z.array(z.string()),
    form: z.string().nullable(),
    decisions: z.array(z.string()),
    returnTo: z.array(z.string()),
    /** Occurrence keys are this prefix and a number (`objection.o` → `objection.o2`); null for a step that occurs once. */
    occurrence: z.string().nullable(),
    remindBefore: OffsetSchema.nullable(),
    escalate: z.array(
      z.object({ after: OffsetSchema, notify: z.enum(['township_officer', 'township_secretary', 'county_admin']) }),
    ),
  })
  .openapi('StepDefinition');

export const ProcessDefinitionSchema = z
  .object({ type: z.string(), name: z.string(), nameEn: z.string(), steps: z.array(StepDefinitionSchema) })
  .openapi('ProcessDefinition');
