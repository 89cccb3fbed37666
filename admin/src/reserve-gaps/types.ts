/** The four gaps the county and the townships act on (缺口). */
export const GAP_KEYS = ['villagesBelowTarget', 'withoutMentor', 'talksOverdue', 'ageingOut'] as const;
export type GapKey = (typeof GAP_KEYS)[number];

export interface GapCounts extends Record<GapKey, number> {
    villages: number;
    reserves: number;
}

export interface TownshipGaps extends GapCounts {
    townshipId: number;
    townshipName: string;
}

/** GET /api/reserves/gaps */
export interface ReserveGaps {
    targetPerVillage: number;
    asOf: string;
    totals: GapCounts;
    townships: TownshipGaps[];
}

export const GAP_COLORS: Record<GapKey, string> = {
    villagesBelowTarget: '#c62828',
    withoutMentor: '#ef6c00',
    talksOverdue: '#6a1b9a',
    ageingOut: '#00838f',
};

/** The pool list showing the reserves behind a gap (no list for villages below target). */
export const gapListPath = (key: GapKey, townshipId?: number): string | undefined => {
    const filters: Partial<Record<GapKey, Record<string, unknown>>> = {
        withoutMentor: { hasMentor: false },
        talksOverdue: { talksOverdue: true },
        ageingOut: { ageingOut: true },
    };
    const filter = filters[key];
    if (!filter) return undefined;
    const full = { status: ['trial', 'in_pool'], ...(townshipId ? { townshipId } : {}), ...filter };
    return `/reserves?filter=${encodeURIComponent(JSON.stringify(full))}`;
};
