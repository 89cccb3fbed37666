/**
 * Roles and what each may do in the console. The API enforces the same rules
 * (and the organisational scope); this only decides what the console offers.
 */
export const ROLES = [
    'county_admin',
    'township_officer',
    'township_secretary',
    'village_secretary',
    'mentor',
    'cadre',
    'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const RESOURCES = [
    'townships',
    'villages',
    'cadres',
    'users',
    'audit-log',
    'tasks',
    'processes',
    'mentor-pairing',
    'annual-assessment',
    'reserve-intake',
    'reserves',
    'reserve-gaps',
    'sla-report',
    'reserve-settings',
    'targeted-recruitment',
    'calendar-overrides',
    'webhooks',
] as const;

export type ResourceName = (typeof RESOURCES)[number];

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete';

const READ: readonly Action[] = ['list', 'show'];
const WRITE: readonly Action[] = ['list', 'show', 'create', 'edit'];
const ALL: readonly Action[] = ['list', 'show', 'create', 'edit', 'delete'];

// Everyone signed in has an inbox (我的待办), sees the processes of their scope and the
// annual assessment (年度考核) as far as their scope reaches.
// 定向考录: a published campaign is a public notice everyone signed in reads (the API scopes the
// applications); the county admin plans, edits and publishes.
const WORK = {
    tasks: READ,
    processes: READ,
    'annual-assessment': ['list'],
    'targeted-recruitment': READ,
} as const;

// 后备干部人才库 and its rules (规则 read by all, changed by the county admin on its page);
// the 缺口 dashboard for the county and the townships. The API scopes every row.
const POOL = { reserves: READ, 'reserve-settings': ['list'] } as const;
// 缺口 and 时效报表 for the county and the townships.
const GAPS = { 'reserve-gaps': ['list'], 'sla-report': ['list'] } as const;

const ACCESS: Record<Role, Partial<Record<ResourceName, readonly Action[]>>> = {
    county_admin: {
        townships: ALL,
        villages: ALL,
        cadres: ALL,
        users: WRITE,
        'audit-log': READ,
        'calendar-overrides': ALL,
        webhooks: ALL,
        ...WORK,
        'mentor-pairing': ['create'],
        'reserve-intake': ['list'],
        'targeted-recruitment': WRITE,
        ...POOL,
        ...GAPS,
    },
    auditor: {
        townships: READ,
        villages: READ,
        cadres: READ,
        users: READ,
        'audit-log': READ,
        'calendar-overrides': READ,
        webhooks: ['list'],
        ...WORK,
        ...POOL,
        ...GAPS,
    },
    township_officer: {
        townships: READ,
        villages: READ,
        cadres: WRITE,
        'calendar-overrides': ['list'],
        webhooks: ALL,
        ...WORK,
        'mentor-pairing': ['create'],
        'reserve-intake': ['list'],
        ...POOL,
        ...GAPS,
    },
    township_secretary: {
        townships: READ,
        villages: READ,
        cadres: READ,
        ...WORK,
        'reserve-intake': ['list'],
        ...POOL,
        ...GAPS,
    },
    village_secretary: {
        villages: READ,
        cadres: READ,
        ...WORK,
        'reserve-intake': ['list'],
        ...POOL,
    },
    mentor: { cadres: READ, ...WORK },
    cadre: { cadres: READ, ...WORK },
};

export const isRole = (value: unknown): value is Role =>
    typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const can = (role: unknown, resource: string, action: string): boolean => {
    if (!isRole(role)) return false;
    const actions = ACCESS[role][resource as ResourceName];
    return !!actions && actions.includes(action as Action);
};

/** Mentors and cadres only see their own record ("我的档案"). */
export const isPersonalRole = (role: unknown): boolean => role === 'mentor' || role === 'cadre';

export const hasDashboard = (role: unknown): boolean => isRole(role) && !isPersonalRole(role);

/** Where a role lands after signing in. */
export const homePath = (role: unknown): string => (isPersonalRole(role) ? '/cadres' : '/');

/** Roles that see the whole county (and may filter by township). */
export const isCountyRole = (role: unknown): boolean => role === 'county_admin' || role === 'auditor';

/** 发起导师帮带, 更换导师, 提前结束: the township officer (own township) and the county. */
export const mayManagePairings = (role: unknown): boolean => role === 'county_admin' || role === 'township_officer';

/** 发起考核 and the yearly schedule (年度计划): the county admin only. */
export const mayManageAssessment = (role: unknown): boolean => role === 'county_admin';

/** 提出异议: anyone of the township (or the county admin) while the ranking is on notice. */
export const mayObject = (role: unknown): boolean => isRole(role) && role !== 'auditor';

/** The raw Temporal history of a process (原始事件). */
/** 后备干部规则: the county admin changes them (a new version each time); everyone else reads. */
export const mayChangeReserveRules = (role: unknown): boolean => role === 'county_admin';

/** 放宽年龄至45岁: a village's mark, set by the county admin. */
export const mayMarkRelaxedAge = (role: unknown): boolean => role === 'county_admin';

export const mayReadHistory = (role: unknown): boolean => role === 'county_admin' || role === 'auditor';

/** 使用 and 退出 a reserve: the township officer (own township) and the county admin, as the API allows. */
export const mayUseReserves = (role: unknown): boolean => role === 'county_admin' || role === 'township_officer';
