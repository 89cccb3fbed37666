import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord, UpdateParams } from 'react-admin';
import { httpClient } from './http';
import type { Stats } from './types';
import { workflowApi, type WorkflowApi } from './workflow-api';

const API = '/api';

const base = simpleRestProvider(API, httpClient, 'Content-Range');

// Values the API computes or shows for reading only; its update schemas refuse unknown
// fields, so they are not sent back.
const DERIVED_FIELDS: Record<string, readonly string[]> = {
    townships: ['id', 'villageCount', 'cadreCount'],
    villages: ['id', 'cadreCount', 'townshipName'],
    reserves: ['id'],
    // isReserve is read from the reserve pool: a person enters it through the intake
    cadres: ['id', 'age', 'birthYear', 'piiMasked', 'townshipId', 'townshipName', 'villageName', 'isReserve'],
    users: ['id'],
    webhooks: ['id', 'secretSet', 'pendingDeliveries', 'failedDeliveries', 'lastError'],
};

const MASKED_PII_FIELDS = ['idNumber', 'phone'] as const;

/** Drops derived fields, and masked personal data that was not changed. */
const payloadFor = (resource: string, params: UpdateParams): Record<string, unknown> => {
    const data: Record<string, unknown> = { ...params.data };
    for (const field of DERIVED_FIELDS[resource] ?? []) delete data[field];
    const previous = params.previousData as RaRecord | undefined;
    // A robot's secret is write-only: left empty, it stays as it is. No township: the county's.
    if (resource === 'webhooks') {
        if (!data.secret) delete data.secret;
        if (data.townshipId === '') data.townshipId = null;
    }
    if (resource === 'cadres' && previous?.piiMasked) {
        for (const field of MASKED_PII_FIELDS) {
            if (data[field] === previous[field]) delete data[field];
        }
    }
    return data;
};

export interface QinglanDataProvider extends DataProvider, WorkflowApi {
    getStats: () => Promise<Stats>;
}

export const dataProvider: QinglanDataProvider = {
    ...base,
    ...workflowApi,
    update: (resource, params) => base.update(resource, { ...params, data: payloadFor(resource, params) }),
    getStats: async () => {
        const { json } = await httpClient(`${API}/stats`);
        return json as Stats;
    },
};
