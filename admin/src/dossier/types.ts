/** One entry of GET /api/people/{id}/dossier (一人一档). */
export interface DossierEntry {
    /** 'YYYY-MM-DD', China day */
    on: string;
    kind: 'process' | 'assessment_result' | 'reserve_status' | 'reserve_record' | 'recruitment_application';
    role: string;
    processType: string | null;
    title: string;
    status: string | null;
    detail: Record<string, unknown>;
    processId: string | null;
    reserveId: number | null;
}

export interface Dossier {
    personId: number;
    name: string;
    entries: DossierEntry[];
}
