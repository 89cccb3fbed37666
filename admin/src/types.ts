import type { Identifier, RaRecord } from 'react-admin';
import type { UserRecord } from '../../api/resources/users/user-schemas';

export type { SessionUser } from '../../api/context';

export type TownshipKind = 'township' | 'subdistrict';
export type VillageKind = 'village' | 'community';
export type Area = 'rural' | 'urban';
export type Gender = 'male' | 'female';
export type Education = 'junior_high' | 'high_school' | 'vocational' | 'college' | 'bachelor' | 'master';
export type Committee = 'party_branch' | 'villagers_committee' | 'party_liaison';
export type PositionTitle =
    'secretary' | 'deputy_secretary' | 'director' | 'deputy_director' | 'member' | 'liaison_officer';

export interface Township extends RaRecord {
    code: string;
    name: string;
    kind: TownshipKind;
    villageCount: number;
    cadreCount: number;
}

export interface Village extends RaRecord {
    code: string;
    name: string;
    kind: VillageKind;
    area: Area;
    townshipId: Identifier;
    cadreCount: number;
}

export interface Position {
    committee: Committee;
    title: PositionTitle;
    termStart: string | null;
    termEnd: string | null;
}

export interface Cadre extends RaRecord {
    name: string;
    gender: Gender;
    /** Only on the full record (piiMasked false): with the masked ID number it would rebuild it. */
    birthDate?: string | null;
    birthYear: number | null;
    age: number | null;
    idNumber: string | null;
    phone: string | null;
    education: Education | null;
    partyMember: boolean;
    townshipId: Identifier;
    villageId: Identifier;
    newlyElected: boolean;
    isMentor: boolean;
    isReserve: boolean;
    positions: Position[];
    piiMasked: boolean;
}

/** An account (`/api/users`), as the API declares it; `password` only on the way in. */
export interface User extends RaRecord, Omit<UserRecord, 'id'> {
    password?: string;
}

export interface AuditLogEntry extends RaRecord {
    at: string;
    userId: Identifier | null;
    username: string | null;
    action: string;
    resource: string | null;
    recordId: string | null;
    detail: unknown;
    ip: string | null;
    requestId: string | null;
}

/** `GET /api/stats`: counts within the caller's scope. */
export interface Stats {
    townships: number;
    villages: number;
    communities: number;
    cadres: number;
    newlyElected: number;
    newSecretaries: number;
    mentors: number;
    reserves: number;
}

/** Error body of every failed API call. */
export interface ApiErrorBody {
    status: number;
    code: string;
    message: string;
    messageEn?: string;
    fields?: { field: string; message: string; messageEn?: string }[];
    requestId?: string;
}
