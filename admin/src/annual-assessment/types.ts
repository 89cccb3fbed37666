import type { Identifier } from 'react-admin';
import type { TownshipStage } from '../../../api/processes/annual-assessment/assessment-progress';
import type { ResultStage } from '../../../api/processes/annual-assessment/assessment-results';

/** 优秀 / 称职 / 基本称职 / 不称职 */
export type AssessmentGrade = 'excellent' | 'competent' | 'basically_competent' | 'incompetent';

/** One township's live progress of a year (`GET /progress`). */
export interface AssessmentProgress {
    townshipId: number;
    townshipName: string;
    /** Cadres waiting at each step, by step family (self-report, review, score …). */
    steps: Record<string, number>;
    overdue: number;
    scored: number;
    rankingVersion: number;
    final: boolean;
    stage: TownshipStage;
    /** 公示期, once the township officer published the ranking. */
    notice: { openedAt: string; endsAt: string } | null;
}

/**
 * The API's own types: a township's 考核中 → 待发布公示 → 公示中 → 异议处理中 → 待确认结果 → 已确定,
 * and one result's 待公示 (the township's draft), 公示中, 异议处理中, 已确定.
 */
export type { TownshipStage, ResultStage };

/** One cadre's place in the latest ranking of their township (`GET /results`). */
export interface AssessmentResult {
    id: Identifier;
    personId: number;
    name: string;
    villageName: string;
    townshipId: number;
    townshipName: string;
    total: number | null;
    grade: AssessmentGrade | null;
    rank: number | null;
    top: boolean;
    bottom: boolean;
    missingStep: string | null;
    version: number;
    final: boolean;
    stage: ResultStage;
    noticeEndsAt: string | null;
}

export interface StartAssessmentBody {
    year?: number;
    townshipIds?: number[];
}

export interface StartAssessmentResult {
    year: number;
    started: number[];
    alreadyRunning: number[];
}

/** The yearly start (`GET /schedule`); month, day and hour in China time. The API's own type. */
export type { ScheduleState as AssessmentSchedule } from '../../../api/processes/annual-assessment/assessment-schedule';

export interface AssessmentScheduleBody {
    month: number;
    day: number;
    hour: number;
    townshipIds?: number[];
}

export interface ObjectionBody {
    year: number;
    townshipId: number;
    personId: number;
    reason: string;
}
