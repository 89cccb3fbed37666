// Temporal finds an activity by name alone: every process's activities must have names of their own.
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/database.js';
import { createActivities } from './index.js';

describe('the worker’s activities', () => {
  it('are built without two of one name (the assessment’s and recruitment’s rankings once were)', () => {
    const activities = createActivities({ db: {} as DB });
    expect(Object.keys(activities)).toContain('recordRanking');
    expect(Object.keys(activities)).toContain('recordRecruitmentRanking');
  });
});
