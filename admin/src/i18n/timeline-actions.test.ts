// Every action a timeline can show has a name in both languages, so none shows as a bare key
// (trial_completed, mentor_named) in the 办理记录.
import { describe, expect, it } from 'vitest';
import { PROCESS_EVENTS } from '../../../workflows/human-step/process-events';
import { DECISIONS } from '../../../workflows/human-step/types';
import { enProcesses } from './en-processes';
import { zhCNProcesses } from './zh-cn-processes';

const unnamed = (labels: Record<string, string>) =>
    [...DECISIONS, ...PROCESS_EVENTS].filter((action) => !labels[action]?.trim());

describe('timeline action names', () => {
    it('names every decision and process event in Chinese', () => {
        expect(unnamed(zhCNProcesses.qinglan.timeline_action)).toEqual([]);
    });
    it('names every decision and process event in English', () => {
        expect(unnamed(enProcesses.qinglan.timeline_action)).toEqual([]);
    });
});
