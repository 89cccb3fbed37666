// Every step key a run produces belongs to a step of its process's catalogue. The stored
// histories are real runs: each task they opened names its step key, and each must map to a
// family the diagram draws and the progress table counts (objection.o1 once mapped to none).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annualAssessmentSteps } from '../annual-assessment/annual-assessment-steps.js';
import { mentorPairingSteps } from '../mentor-pairing/mentor-pairing-steps.js';
import { PROCESS_TYPES, stepFamily } from '../process-types.js';
import { familyOf, occurrenceKey, stepsOf, stepViews } from './step-catalogue.js';

const FIXTURES = path.resolve('test/fixtures/histories');

type Payload = { data?: string };
const decoded = (payload: Payload | undefined): unknown =>
  payload?.data ? JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) : null;

/**
 * The step keys of every task a stored history opened, by process type: from the openTask
 * activity's input in the older shape, and from the current step a run records as its search
 * attribute (QinglanCurrentStep) in the shape that opens steps in local activities.
 */
function openedStepKeys(): { processType: string; stepKey: string }[] {
  const found: { processType: string; stepKey: string }[] = [];
  for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
    // Only the attributes read below; the rest of a stored event is not needed here.
    type Scheduled = { activityType?: { name?: string }; input: { payloads: Payload[] } };
    type Upserted = { searchAttributes: { indexedFields: Record<string, Payload> } };
    const history = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as {
      events: {
        activityTaskScheduledEventAttributes?: Scheduled;
        upsertWorkflowSearchAttributesEventAttributes?: Upserted;
      }[];
    };
    let processType: string | undefined;
    for (const event of history.events) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name === 'openTask') {
        const input = decoded(scheduled.input.payloads[0]) as { processType: string; stepKey: string };
        found.push({ processType: input.processType, stepKey: input.stepKey });
      }
      const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes.indexedFields ?? {};
      processType = (decoded(fields.QinglanProcessType) as string | null) ?? processType;
      const current = decoded(fields.QinglanCurrentStep);
      if (typeof current === 'string' && processType) found.push({ processType, stepKey: current });
    }
  }
  return found;
}

describe('step catalogue', () => {
  it('maps every step key the stored runs opened to a family of their catalogue', () => {
    const opened = openedStepKeys();
    expect(opened.length).toBeGreaterThan(20);
    // the occurrences that once fell outside every family are among them
    expect(opened.map((o) => o.stepKey)).toEqual(expect.arrayContaining(['objection.o1', 'rescore.o1', 'exchange.m3']));
    expect(opened.some((o) => o.stepKey.startsWith('reminder-talk.p'))).toBe(true);
    // every process type's runs are among them, 定向考录 only in the newer shape
    expect(new Set(opened.map((o) => o.processType))).toEqual(new Set(Object.keys(PROCESS_TYPES)));
    expect(opened).toEqual(
      expect.arrayContaining([
        { processType: 'recruitment-campaign', stepKey: 'inspection.a7' },
        { processType: 'recruitment-campaign', stepKey: 'approval.r2' },
      ]),
    );
    for (const { processType, stepKey } of opened) {
      const catalogue = PROCESS_TYPES[processType].catalogue;
      expect(familyOf(stepsOf(catalogue), stepKey), `${processType} ${stepKey}`).toBeDefined();
    }
  });

  it('names the family of each kind of occurrence key', () => {
    expect(stepFamily('annual-assessment', 'objection.o1')).toBe('objection.answer');
    expect(stepFamily('annual-assessment', 'objection.o12')).toBe('objection.answer');
    expect(stepFamily('annual-assessment', 'rescore.o2')).toBe('rescore');
    expect(stepFamily('annual-assessment', 'reminder-talk.p17')).toBe('reminder-talk');
    expect(stepFamily('annual-assessment', 'self-report')).toBe('self-report');
    expect(stepFamily('mentor-pairing', 'exchange.m3')).toBe('exchange');
    expect(stepFamily('mentor-pairing', 'growth-plan.draft')).toBe('growth-plan.draft');
    // not an occurrence: the suffix must be a number
    expect(familyOf(stepsOf(annualAssessmentSteps), 'objection.ox')).toBeUndefined();
  });

  it('forms occurrence keys from the catalogue and refuses them for a step that occurs once', () => {
    expect(occurrenceKey(annualAssessmentSteps.objectionAnswer, 2)).toBe('objection.o2');
    expect(occurrenceKey(annualAssessmentSteps.reminderTalk, 17)).toBe('reminder-talk.p17');
    expect(occurrenceKey(mentorPairingSteps.exchange, 3)).toBe('exchange.m3');
    expect(occurrenceKey(mentorPairingSteps.proposalApproval)).toBe('proposal.approval');
    expect(() => occurrenceKey(mentorPairingSteps.proposalApproval, 1)).toThrow();
  });

  it('gives every human step a reminder and a chain that ends at the county', () => {
    for (const { catalogue } of Object.values(PROCESS_TYPES)) {
      for (const step of stepsOf(catalogue)) {
        if (step.kind !== 'human') continue;
        expect(step.remindBefore, step.key).toBeDefined();
        expect(step.escalate.at(-1)?.notify, step.key).toBe('county_admin');
        // village-level and township-officer steps climb more than one level
        if (step.role !== 'township_secretary') expect(step.escalate.length, step.key).toBeGreaterThan(1);
        // the schema is the form's, from the process's own forms
        expect(step.schema, step.key).toBe(
          PROCESS_TYPES[Object.keys(PROCESS_TYPES).find((t) => PROCESS_TYPES[t].catalogue === catalogue)!].forms[
            step.form
          ],
        );
      }
    }
  });

  it('serves each step in both languages with its edges inside the catalogue', () => {
    const views = stepViews(mentorPairingSteps);
    expect(views.map((v) => v.key)[0]).toBe('proposal.approval');
    expect(views.find((v) => v.key === 'exchange')).toMatchObject({
      name: '定期交流（每月）',
      nameEn: 'Monthly exchange',
      occurrence: 'exchange.m',
      role: 'mentor',
    });
    const keys = new Set(views.map((v) => v.key));
    for (const view of views) for (const next of view.next) expect(keys.has(next)).toBe(true);
  });
});
