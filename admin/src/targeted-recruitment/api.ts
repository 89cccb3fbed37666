import { httpClient } from '../http';
import type { Application, Campaign, CampaignDraft, CampaignSummary } from './types';

/** 定向考录's API: campaigns are process resources, not react-admin's simple REST. */
export const BASE = '/api/processes/targeted-recruitment/campaigns';

const json = async <T>(url: string, init?: Parameters<typeof httpClient>[1]): Promise<T> =>
    (await httpClient(url, init)).json as T;

export const recruitmentApi = {
    list: async () => (await json<{ data: CampaignSummary[] }>(BASE)).data,
    one: (id: number | string) => json<Campaign>(`${BASE}/${id}`),
    applications: async (id: number | string) =>
        (await json<{ data: Application[] }>(`${BASE}/${id}/applications`)).data,
    create: (body: CampaignDraft) =>
        json<{ id: number; rulesVersion: number }>(BASE, { method: 'POST', body: JSON.stringify(body) }),
    /** A draft's plan and, when given, a new version of its rules. */
    changePlan: (
        id: number | string,
        body: Omit<CampaignDraft, 'rules'> & { rules?: CampaignDraft['rules']; reason?: string },
    ) => json<{ id: number; rulesVersion: number }>(`${BASE}/${id}`, { method: 'PUT', body: JSON.stringify(body) }),
    publish: (id: number | string) =>
        json<{ id: number; workflowId: string }>(`${BASE}/${id}/publish`, { method: 'POST', body: '{}' }),
    apply: (id: number | string, positionId: number) =>
        json<{ applicationId: number }>(`${BASE}/${id}/applications`, {
            method: 'POST',
            body: JSON.stringify({ positionId }),
        }),
    /** 放弃, before the hire; the same requestId again is the same withdrawal. */
    withdraw: (applicationId: number, body: { reason?: string; requestId: string }) =>
        json<{ applicationId: number; status: 'withdrawn' }>(
            `/api/processes/targeted-recruitment/applications/${applicationId}/withdraw`,
            { method: 'POST', body: JSON.stringify(body) },
        ),
    importScores: (id: number | string, exam: 'written' | 'interview', file: File) => {
        const form = new FormData();
        form.append('file', file);
        return json<{ imported: number; absent: number }>(`${BASE}/${id}/scores?exam=${exam}`, {
            method: 'POST',
            body: form,
        });
    },
};

export const scoreTemplateUrl = (id: number | string, exam: 'written' | 'interview') =>
    `${BASE}/${id}/scores/template?exam=${exam}`;
export const resultsUrl = (id: number | string) => `${BASE}/${id}/results.xlsx`;

/** The form's values as the API reads a plan: numbers as numbers, no empty title. */
export const planOf = (values: Record<string, unknown>): Omit<CampaignDraft, 'rules'> => {
    const draft = values as unknown as CampaignDraft;
    return {
        year: Number(draft.year),
        ...(draft.title ? { title: draft.title } : {}),
        positions: (draft.positions ?? []).map((p) => ({ kind: p.kind, name: p.name, places: Number(p.places) })),
    };
};
