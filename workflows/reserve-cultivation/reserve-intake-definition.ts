// The yearly reserve intake (后备干部年度推选), one workflow per township and year, declared as
// data: its settings (from the county's reserve-pool settings), inputs, ids and messages
// (its steps: reserve-intake-steps.ts).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReserveSource } from '../../db/schema.js';
import type { ReservePoolSettings } from '../../domain/reserve-pool-settings.js';
import type { Actor } from '../human-step/types.js';

export const RESERVE_INTAKE = 'reserve-intake';

export interface IntakeSettings {
  /** 推选窗口 */
  windowDays: number;
  minNominationsPerVillage: number;
  /** 每村后备干部目标数: a village's places are the gap between it and the reserves it has. */
  targetPerVillage: number;
  /** 是否组织考试 */
  exam: boolean;
  examWeights: { written: number; interview: number };
  /** 入围比例 1:N */
  shortlistRatio: number;
  noticeWorkingDays: number;
  reviewWorkingDays: number;
  examDays: number;
  inspectionWorkingDays: number;
  countyReviewWorkingDays: number;
  objectionAnswerWorkingDays: number;
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  windowDays: 10,
  minNominationsPerVillage: 2,
  targetPerVillage: 2,
  exam: true,
  examWeights: { written: 60, interview: 40 },
  shortlistRatio: 2,
  noticeWorkingDays: 5,
  reviewWorkingDays: 5,
  examDays: 20,
  inspectionWorkingDays: 10,
  countyReviewWorkingDays: 5,
  objectionAnswerWorkingDays: 3,
};

/** The county's rules an intake takes from its reserve pool settings (the rest are its own). */
export function intakeRules(pool: ReservePoolSettings): Partial<IntakeSettings> {
  return {
    windowDays: pool.intakeWindowDays,
    minNominationsPerVillage: pool.minNominationsPerVillage,
    targetPerVillage: pool.targetPerVillage,
    examWeights: pool.examWeights,
    shortlistRatio: pool.shortlistRatio,
    noticeWorkingDays: pool.noticeWorkingDays,
  };
}

/**
 * Marks the intakes that read the county's settings themselves: at the opening, and the notice
 * length again when the notice opens (older histories took them all from their input).
 */
export const INTAKE_POOL_SETTINGS_PATCH = 'reserve-intake-pool-settings';

/**
 * Marks the intakes whose window's end closes every village nomination step still open (the
 * village recorded as not having confirmed); older ones waited on those villages for ever.
 */
export const INTAKE_WINDOW_CLOSES_PATCH = 'reserve-intake-window-closes-nominations';

/** Why a village's nominations closed unconfirmed: the window ended first. */
export const WINDOW_CLOSED_UNCONFIRMED = '推荐窗口截止，村级推荐未确认';

export interface IntakeInput {
  year: number;
  townshipId: number;
  startedBy: number | null;
  /** Prefix of the ids of the cultivation workflows it starts (see the API's idPrefix). */
  idPrefix?: string;
  /** What the opener chose (the window, whether there is an exam); above the county's settings. */
  settings?: Partial<IntakeSettings>;
  /** Start a cultivation workflow for each reserve that enters the pool (default yes). */
  startCultivation?: boolean;
}

export const intakeId = (prefix: string, year: number, townshipId: number) =>
  `${prefix}${RESERVE_INTAKE}-${year}-t${townshipId}`;

export interface NominationRequest {
  actor: Actor;
  person: { personId: number; name: string; villageId: number };
  source: Exclude<ReserveSource, 'legacy'>;
  /** 群众推荐: how many recommended them, where; any source: a short note. */
  note?: string;
}

/** 推荐: checked by the API first (eligibility, scope), then by the workflow (window, duplicates). */
export const nominateUpdate = defineUpdate<{ reserveId: number; nomination: number }, [NominationRequest]>(
  'nominateReserve',
);

/** 公示异议 against a person on the notice. */
export const fileIntakeObjectionUpdate = defineUpdate<
  { objection: number },
  [{ actor: Actor; personId: number; reason: string }]
>('fileIntakeObjection');

export type IntakePhase =
  'nominating' | 'reviewing' | 'exam' | 'inspecting' | 'county_review' | 'notice' | 'answering' | 'done';

/** Where each person stands in this intake (beside the reserves row's status). */
export type CandidateState =
  | 'nominated'
  | 'rejected'
  | 'qualified'
  | 'inspected'
  | 'failed_inspection'
  | 'returned'
  | 'approved'
  | 'on_notice'
  | 'objection_upheld'
  | 'entered'
  | 'not_selected';

export interface IntakeCandidate {
  personId: number;
  reserveId: number;
  name: string;
  villageId: number;
  source: NominationRequest['source'];
  seq: number;
  state: CandidateState;
  composite: number | null;
  rank: number | null;
  shortlisted: boolean;
  /** Why the person left the list, when they did. */
  reason?: string;
}

export interface IntakeVillage {
  villageId: number;
  name: string;
  /** Places before the exam rule, then the places kept. */
  places: number;
  nominated: number;
  confirmed: boolean;
  shortfallReason?: string;
}

export interface IntakeProgress {
  year: number;
  townshipId: number;
  /** The county settings version the intake was opened under (absent before they were read). */
  settingsVersion?: number;
  phase: IntakePhase;
  /** The intake date: eligibility (age, disqualifications) is read on this day. */
  openedAt: string;
  windowEndsAt: string;
  noticeEndsAt: string | null;
  round: number;
  objections: number;
  villages: IntakeVillage[];
  candidates: IntakeCandidate[];
}

export const intakeProgressQuery = defineQuery<IntakeProgress>('intakeProgress');
