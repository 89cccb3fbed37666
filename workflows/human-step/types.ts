// The vocabulary of a human step (人工环节): who acts, what they may do, by when. Shared by
// workflows (deterministic), activities, the API and the console, so it holds only data.
import type { Role } from '../../db/schema.js';

/** Who must act: one person, or a role within an organisational unit. */
export type Assignee =
  | { kind: 'user'; userId: number }
  | { kind: 'role'; role: Role; townshipId?: number | null; villageId?: number | null };

/** The signed-in person acting, as the API vouches for them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  townshipId: number | null;
  villageId: number | null;
  personId: number | null;
  /** Acting for this person while they are on leave (请假委托): their identity, for the checks. */
  onBehalfOf?: Delegator;
}

export interface Delegator {
  userId: number;
  role: Role;
  townshipId: number | null;
  villageId: number | null;
}

export type Offset = { days: number } | { workingDays: number } | { hours: number };
export type Deadline = Offset | { at: string };

/** Decisions end a signer's part of a step; the others act on an open step. */
export const DECISIONS = ['submit', 'approve', 'reject', 'return'] as const;
export const OPERATIONS = ['transfer', 'add_signer', 'urge', 'cc', 'comment', 'change_deadline'] as const;
export type Decision = (typeof DECISIONS)[number];
export type Operation = (typeof OPERATIONS)[number];
export type TaskAction = Decision | Operation;

/** 会签 (all must approve) or 或签 (the first decision counts). */
export type SignMode = 'all' | 'any';

/** Whom one hop of an escalation tells: a role of the step's township, or the county. */
export type EscalationTarget = 'township_officer' | 'township_secretary' | 'county_admin';

/** One hop of an escalation chain (督办): after this long past the deadline, tell this level. */
export interface EscalationHop {
  /** Counted from the deadline. */
  after: Offset;
  notify: EscalationTarget;
}

/** One occurrence of a step as the engine runs it, built from the catalogue and the workflow's options. */
export interface HumanStepSpec {
  /** The occurrence key: unique within the process; a step run again (rework) gets a new round. */
  key: string;
  /** Shown to people (Chinese). */
  name: string;
  /** Name of the form in the process's form registry. */
  form: string;
  /** Fields this occurrence requires beyond the form's schema (e.g. every item of this cycle's rubric). */
  formRequires?: string[];
  assignee: Assignee | Assignee[];
  signMode?: SignMode;
  decisions: readonly Decision[];
  /** Steps this one may send the work back to (退回). */
  returnTo?: readonly string[];
  deadline: Deadline;
  remindBefore?: Offset;
  escalate?: readonly EscalationHop[];
  cc?: Assignee[];
  /** Shown in the inbox and on the task page: the subject, the township, earlier answers. */
  context?: Record<string, unknown>;
  /** The unit the task belongs to, for scope (who may see it) and webhooks. */
  townshipId: number | null;
  villageId?: number | null;
  /** Closes undecided at this time (a window's end), before any notice due then. */
  closes?: StepClosing;
}

/** When and why a step closes undecided, the engine closing it. */
export interface StepClosing {
  at: string;
  reason: string;
}

export interface StepOutcome<F = Record<string, unknown>> {
  decision: Decision;
  form: F;
  comment?: string;
  returnTo?: string;
  actor: Actor;
  at: string;
  /** Every signer's decision, for 会签. */
  signers: { userId: number | null; decision: Decision | null }[];
}

export interface TaskActionRequest {
  taskKey: string;
  action: TaskAction;
  actor: Actor;
  form?: Record<string, unknown>;
  comment?: string;
  returnTo?: string;
  /** transfer / add_signer / cc */
  userIds?: number[];
  /** change_deadline */
  deadline?: Deadline;
}

export interface TaskActionResult {
  taskKey: string;
  action: TaskAction;
  stepOpen: boolean;
}

/** Why an action was refused; the API turns each into its HTTP status. */
export const REFUSALS = {
  task_closed: 409,
  not_assignee: 403,
  action_not_allowed: 400,
  invalid_form: 400,
  invalid_request: 400,
} as const;
export type Refusal = keyof typeof REFUSALS;
