import { ROLES } from './roles';

/** Enumerations of the API, with the translation key of each label. */
const choicesOf = (group: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `qinglan.${group}.${id}` }));

export const townshipKindChoices = choicesOf('township_kind', ['township', 'subdistrict']);
export const calendarKindChoices = choicesOf('calendar_kind', ['holiday', 'workday']);
export const webhookKindChoices = choicesOf('webhook_kind', ['dingtalk', 'wecom']);
export const villageKindChoices = choicesOf('village_kind', ['village', 'community']);
export const areaChoices = choicesOf('area', ['rural', 'urban']);
export const genderChoices = choicesOf('gender', ['male', 'female']);
export const educationChoices = choicesOf('education', [
    'junior_high',
    'high_school',
    'vocational',
    'college',
    'bachelor',
    'master',
]);
export const committeeChoices = choicesOf('committee', ['party_branch', 'villagers_committee', 'party_liaison']);
export const positionTitleChoices = choicesOf('position_title', [
    'secretary',
    'deputy_secretary',
    'director',
    'deputy_director',
    'member',
    'liaison_officer',
]);
export const roleChoices = choicesOf('roles', ROLES);
export const auditResourceChoices = choicesOf('audit_resource', ['auth', 'townships', 'villages', 'cadres', 'users']);
export const taskStatusChoices = choicesOf('task_status', ['open', 'done', 'cancelled']);
export const processStatusChoices = choicesOf('process_status', [
    'running',
    'incident',
    'completed',
    'rejected',
    'ended_early',
    'cancelled',
    'terminated',
    'failed',
    'timed_out',
]);
/** 走访 / 电话 / 现场指导 */
export const exchangeFormChoices = choicesOf('exchange_form', ['visit', 'phone', 'onsite']);
/** 优秀 / 合格 / 不合格 */
export const gradeChoices = choicesOf('grade', ['excellent', 'qualified', 'unqualified']);
