import type { SlaRow } from '../../../api/reports/sla-report';

/** One row of 时效报表 is the API's own type: a township's step (family). */
export type { SlaRow };

export interface SlaReport {
    processType: string;
    from: string;
    to: string;
    rows: SlaRow[];
}

export interface SlaFilter {
    processType: string;
    from: string;
    to: string;
}

export const slaQuery = (f: SlaFilter) => new URLSearchParams({ ...f }).toString();
