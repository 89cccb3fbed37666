// Histories of finished runs, stored as fixtures, replayed against today's workflow code.
// A change that would break a running pairing (a step added without `patched()`, a timer
// moved) fails here instead of in a township a year into its term.
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowSources } from '../worker/workflow-sources.js';

const FIXTURES = path.resolve('test/fixtures/histories');

describe('replay of stored histories', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('has fixtures for every process type', () => {
    expect(files.some((f) => f.startsWith('mentor-pairing-'))).toBe(true);
    expect(files.some((f) => f.includes('annual-assessment-'))).toBe(true);
    expect(files.some((f) => f.includes('recruitment-campaign-'))).toBe(true);
    expect(files.some((f) => f.includes('recruitment-applicant-'))).toBe(true);
    expect(files.some((f) => f.includes('reserve-intake-'))).toBe(true);
    expect(files.some((f) => f.includes('reserve-cultivation-'))).toBe(true);
  });

  it('replays every one without a nondeterminism error', async () => {
    // A fixture is named by its workflow id: task keys embed it, so the replay runs under it.
    // `<id>@<label>.json` keeps an older history of the same id (one recorded before a patch).
    const histories = files.map((file) => ({
      workflowId: path.basename(file, '.json').split('@')[0],
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))),
    }));
    const results = [];
    for await (const result of Worker.runReplayHistories(
      // As the worker runs them: the same bundle, zod loaded once for every workflow.
      { ...workflowSources, replayName: 'stored-histories' },
      histories,
    )) {
      results.push({ workflowId: result.workflowId, error: result.error ? String(result.error) : undefined });
    }
    expect(results).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: undefined })));
  }, 240_000);
});
