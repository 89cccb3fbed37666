// Each reserve's cultivation (后备干部培养), one workflow per reserve that lasts years, declared
// as data: settings (the county's reserve-pool settings), the state carried from one year's run
// to the next (continue-as-new), and the actions the township takes on it: use (使用) and exit.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReservePoolSettings } from '../../domain/reserve-pool-settings.js';
import type { Actor } from '../human-step/types.js';

export const RESERVE_CULTIVATION = 'reserve-cultivation';

export interface CultivationSettings {
  trialMonths: number;
  /** A mentor named within this many days of entry. */
  mentorDays: number;
  mentorTalkMonths: number;
  secretaryTalkMonths: number;
  /** A talk's task opens this many days before it falls due. */
  talkLeadDays: number;
  yearlyTrainingRequired: boolean;
  reviewWorkingDays: number;
  decisionWorkingDays: number;
  /** After the year's end, how long its late talks stay open before they count as missed. */
  lateTalkDays: number;
}

export const DEFAULT_CULTIVATION_SETTINGS: CultivationSettings = {
  trialMonths: 6,
  mentorDays: 30,
  mentorTalkMonths: 6,
  secretaryTalkMonths: 12,
  talkLeadDays: 30,
  yearlyTrainingRequired: true,
  reviewWorkingDays: 10,
  decisionWorkingDays: 10,
  lateTalkDays: 30,
};

/**
 * The part of the county's reserve pool settings (reserve-pool-settings.ts) a cultivation runs
 * by, with the version they were read from: read at the start of each run (each year), so a
 * county change applies from the next year, and carried in the state so the query shows them.
 */
export type CultivationRules = Pick<
  CultivationSettings,
  'trialMonths' | 'mentorTalkMonths' | 'secretaryTalkMonths' | 'yearlyTrainingRequired'
> & { version: number };

export function cultivationRules(version: number, pool: ReservePoolSettings): CultivationRules {
  return {
    version,
    trialMonths: pool.trialMonths,
    mentorTalkMonths: pool.mentorTalkMonths,
    secretaryTalkMonths: pool.secretaryTalkMonths,
    yearlyTrainingRequired: pool.yearlyTrainingRequired,
  };
}

/** Marks the runs that read the county's settings (older histories ran on the defaults). */
export const CULTIVATION_POOL_SETTINGS_PATCH = 'reserve-cultivation-pool-settings';

/**
 * Marks the runs where a mentor talk whose day has passed (the mentor was named late) opens with
 * the grace late talks have; before it, its deadline was that past day, which the schedule
 * refuses, and the run stopped there.
 */
export const LATE_MENTOR_TALK_PATCH = 'reserve-late-mentor-talk-opens';

export interface CultivationPerson {
  personId: number;
  name: string;
  userId: number | null;
}

/** What one year's run hands to the next. */
export interface CultivationState {
  /** 1 for the year of entry. */
  year: number;
  yearStart: string;
  enteredAt: string;
  trialDone: boolean;
  mentor: CultivationPerson | null;
  /** Talks are numbered across the years, so each occurrence keeps its own task key. */
  mentorTalks: number;
  secretaryTalks: number;
  missedTalks: number;
  failedYears: number;
  reviews: { year: number; result: 'pass' | 'fail'; source: 'assessment' | 'township' }[];
  /** Events and notifications are keyed by a count that must not restart with the run. */
  eventSeq: number;
  /** The county's settings this year runs by (absent in runs from before they were read). */
  rules?: CultivationRules;
}

export interface CultivationInput {
  reserveId: number;
  startedBy: number | null;
  /** Fixed for this reserve whatever the county's settings say (tests, a special case). */
  settings?: Partial<CultivationSettings>;
  carried?: CultivationState;
}

export interface CultivationOutcome {
  status: 'used' | 'exited';
  reason: string;
  post?: string;
  years: number;
  missedTalks: number;
  reviews: CultivationState['reviews'];
}

export const cultivationId = (prefix: string, reserveId: number) => `${prefix}${RESERVE_CULTIVATION}-r${reserveId}`;

/** 使用: elected or appointed to a seat; the reserve leaves the pool as 已使用. */
export const useReserveUpdate = defineUpdate<
  { reserveId: number; personId: number; mentor: CultivationPerson | null },
  [{ actor: Actor; post: string; date: string; note?: string }]
>('useReserve');

export const EXIT_KINDS = ['moved_away', 'failed_review', 'discipline', 'aged_out', 'withdrew'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];
export const EXIT_KIND_NAMES: Record<ExitKind, string> = {
  moved_away: '迁出',
  failed_review: '考察不合格',
  discipline: '违纪',
  aged_out: '超龄',
  withdrew: '本人退出',
};

/** 退出: a decision with a kind and a reason. */
export const exitReserveUpdate = defineUpdate<void, [{ actor: Actor; kind: ExitKind; reason: string }]>('exitReserve');

export const cultivationStateQuery = defineQuery<CultivationState>('cultivationState');
