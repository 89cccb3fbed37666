// What the demo county is doing when a visitor first signs in: which pairings stand at which
// step, who reports and scores in the assessment, which exchange is late. Accounts are named
// here once; the README's demo table names the same ones, and a test keeps the two together.

/** Where a pairing is left standing. */
export type PairingStage =
  | 'proposed' // 结对审批: waiting for the township Party secretary
  | 'returned' // the mentor sent the growth plan back once (退回); the mentee redrafted it
  | 'exchanging' // growth plan through the mentor, the first month's exchange recorded
  | 'escalated'; // the first month's exchange overdue and escalated to the township

export interface PairingPlan {
  township: number;
  mentee: string;
  mentor: string;
  stage: PairingStage;
}

/** Pairings in two townships: 漳江镇 (01) and 陬市镇 (02). Mentees are newly elected cadres. */
export const PAIRINGS: readonly PairingPlan[] = [
  { township: 1, mentee: 'cadre-0006', mentor: 'mentor-001', stage: 'returned' },
  { township: 1, mentee: 'cadre-0009', mentor: 'mentor-002', stage: 'exchanging' },
  { township: 1, mentee: 'cadre-0011', mentor: 'mentor-003', stage: 'proposed' },
  { township: 1, mentee: 'cadre-0013', mentor: 'mentor-004', stage: 'proposed' },
  { township: 2, mentee: 'cadre-0065', mentor: 'mentor-015', stage: 'proposed' },
  { township: 2, mentee: 'cadre-0066', mentor: 'mentor-016', stage: 'exchanging' },
  { township: 2, mentee: 'cadre-0067', mentor: 'mentor-017', stage: 'escalated' },
];

/**
 * The late exchange escalates this long after its (moved) deadline: a per-start setting the
 * county admin gives that one pairing, so the escalation happens on a live server within a
 * minute instead of a week. 0.0002 days is about 17 seconds.
 */
export const ESCALATE_DAYS_AFTER_MONTH_END = 0.0002;
/** The township officer moves the exchange's deadline to this many seconds from now (调整时限). */
export const MOVED_DEADLINE_SECONDS = 15;

/** The annual assessment runs in one township; a few have reported, fewer are reviewed and scored. */
export const ASSESSMENT = {
  township: 1,
  officer: 'officer-01',
  /** Self-reports in (述职自评), each with the village Party secretary who reviews it. */
  reports: [
    { cadre: 'cadre-0002', reviewer: 'village-001', reviewed: true, scored: true },
    { cadre: 'cadre-0003', reviewer: 'village-001', reviewed: true, scored: false },
    { cadre: 'cadre-0004', reviewer: 'village-001', reviewed: false, scored: false },
    { cadre: 'cadre-0005', reviewer: 'village-002', reviewed: true, scored: true },
    { cadre: 'cadre-0007', reviewer: 'village-002', reviewed: false, scored: false },
  ],
} as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const officerOf = (township: number) => `officer-${pad(township, 2)}`;
export const secretaryOf = (township: number) => `secretary-${pad(township, 2)}`;
