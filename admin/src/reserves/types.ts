import type { Identifier } from 'react-admin';

/** 推荐中 → 考察中 → 公示中 → 试用期 → 在库 → 已使用 | 已退出 */
export const RESERVE_STATUSES = [
    'nominated',
    'under_review',
    'on_notice',
    'trial',
    'in_pool',
    'used',
    'exited',
] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];

export const RECORD_KINDS = ['mentor_talk', 'secretary_talk', 'training', 'placement', 'review'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A row of GET /api/reserves (the pool with what is due). */
export interface Reserve {
    id: Identifier;
    personId: number;
    name: string;
    gender: 'male' | 'female';
    age: number;
    birthYear: number;
    education: string;
    partyMember: boolean;
    idNumber: string;
    phone: string;
    piiMasked: boolean;
    townshipId: number;
    townshipName: string;
    villageId: number;
    villageName: string;
    status: ReserveStatus;
    source: 'organisation' | 'mass' | 'self' | 'legacy';
    intakeYear: number | null;
    enteredOn: string | null;
    mentorPersonId: number | null;
    mentorName: string | null;
    usedPost: string | null;
    endedOn: string | null;
    exitReason: string | null;
    intakeWorkflowId: string | null;
    cultivationWorkflowId: string | null;
    lastMentorTalk: string | null;
    lastSecretaryTalk: string | null;
    agesOutOn: string;
    mentorTalkDue: string | null;
    secretaryTalkDue: string | null;
    mentorTalkOverdue: boolean;
    secretaryTalkOverdue: boolean;
    ageingOut: boolean;
}

export interface ReserveStatusChange {
    id: number;
    fromStatus: ReserveStatus | null;
    toStatus: ReserveStatus;
    reason: string;
    changedOn: string;
    actorName: string | null;
    workflowId: string | null;
}

export interface ReserveRecord {
    id: number;
    kind: RecordKind;
    detail: string | null;
    startedOn: string;
    endedOn: string | null;
    note: string | null;
    recordedByName: string | null;
    workflowId: string | null;
}

/** GET /api/reserves/{id} */
export interface ReserveDetail extends Reserve {
    history: ReserveStatusChange[];
    records: ReserveRecord[];
}
