import { httpClient } from '../http';

const BASE = '/api/processes/reserve-cultivation';

/** The exit kinds the API accepts (EXIT_KINDS of the cultivation workflow). */
export const EXIT_KINDS = ['moved_away', 'failed_review', 'discipline', 'aged_out', 'withdrew'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

/** The seats of the two committees (村“两委”) a reserve is commonly used for; the API takes the post as text. */
export const USE_POSTS = [
    'secretary',
    'deputy_secretary',
    'branch_member',
    'director',
    'deputy_director',
    'committee_member',
] as const;

export interface UseResult {
    reserveId: number;
    pairing: { id: string; title: string } | null;
    pairingNote: string | null;
}

const post = async <T>(path: string, body: unknown): Promise<T> =>
    (await httpClient(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const postUseReserve = (reserveId: number | string, body: { post: string; date: string; note?: string }) =>
    post<UseResult>(`/reserves/${encodeURIComponent(String(reserveId))}/use`, body);

export const postExitReserve = (reserveId: number | string, body: { kind: ExitKind; reason: string }) =>
    post<{ reserveId: number }>(`/reserves/${encodeURIComponent(String(reserveId))}/exit`, body);

export const rankingUrl = (villageId: number | string) =>
    `${BASE}/villages/${encodeURIComponent(String(villageId))}/use-ranking`;
