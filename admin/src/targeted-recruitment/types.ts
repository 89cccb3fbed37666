import type { RecruitmentRules } from '../../../domain/recruitment-rules';

/** A row of GET /api/processes/targeted-recruitment/campaigns. */
export interface CampaignSummary {
    id: number;
    year: number;
    title: string;
    status: 'draft' | 'published' | 'closed' | 'cancelled';
    places: number;
    publishedAt: string | null;
}

export interface CampaignPosition {
    id: number;
    kind: 'civil_service' | 'public_institution';
    name: string;
    places: number;
}

/** GET …/campaigns/{id}: the campaign with its rules and the funnel of the applications in scope. */
export interface Campaign extends Omit<CampaignSummary, 'places'> {
    rulesVersion: number;
    rules: RecruitmentRules;
    frozen: boolean;
    workflowId: string | null;
    windowEndsAt: string | null;
    /** Where a running campaign stands, and the end of the 公示 under way. */
    phase: string | null;
    noticeEndsAt: string | null;
    positions: CampaignPosition[];
    funnel: { stage: string; count: number }[];
    byStatus: Record<string, number>;
}

export interface EligibilityReason {
    rule: string;
    message_zh: string;
    message_en: string;
}

/** A row of GET …/campaigns/{id}/applications. */
export interface Application {
    id: number;
    personId: number;
    name: string;
    townshipId: number;
    villageId: number;
    positionId: number;
    positionName: string;
    status: string;
    reason: string | null;
    eligibility: EligibilityReason[];
    total: number | null;
    rank: number | null;
    appliedAt: string;
    workflowId: string | null;
}

/** The body of POST …/campaigns (a draft). */
export interface CampaignDraft {
    year: number;
    title?: string;
    positions: Omit<CampaignPosition, 'id'>[];
    rules: RecruitmentRules;
}
