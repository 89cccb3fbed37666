// Who sees a targeted recruitment campaign (定向考录) and which of its applications. A draft is
// the county's own work: anyone else gets 404, as for any record outside their scope. A
// published campaign is a public notice (公告) everyone signed in may read; its applications
// follow the usual scope: the county all, a township its own, a cadre their own.
import type { Context } from 'hono';
import { parseRecruitmentRules, type RecruitmentRules } from '../../../domain/recruitment-rules.js';
import type { AppEnv, SessionUser } from '../../context.js';
import { fail } from '../../errors/errors.js';

export interface CampaignRow {
  id: number;
  year: number;
  title: string;
  status: string;
  rules_version: number | null;
  workflow_id: string | null;
  published_at: Date | null;
  created_at: Date;
}

/** The county's staff: may see drafts and every application. */
export const seesCounty = (user: SessionUser) => user.role === 'county_admin' || user.role === 'auditor';

/** The campaign, when the caller may see it; 404 otherwise. */
export async function campaignInScope(c: Context<AppEnv>, id: number): Promise<CampaignRow> {
  const row = await c.var.deps.db
    .selectFrom('recruitment_campaigns')
    .select(['id', 'year', 'title', 'status', 'rules_version', 'workflow_id', 'published_at', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.status === 'draft' && !seesCounty(c.var.user))) throw fail('not_found');
  return row;
}

/** The latest version of a campaign's rules: the frozen one once published. */
export async function campaignRules(
  c: Context<AppEnv>,
  campaign: Pick<CampaignRow, 'id' | 'rules_version'>,
): Promise<{ version: number; rules: RecruitmentRules }> {
  let q = c.var.deps.db
    .selectFrom('recruitment_campaign_rules')
    .select(['version', 'rules'])
    .where('campaign_id', '=', campaign.id);
  if (campaign.rules_version !== null) q = q.where('version', '=', campaign.rules_version);
  const row = await q.orderBy('version', 'desc').executeTakeFirstOrThrow();
  return { version: row.version, rules: parseRecruitmentRules(row.rules) };
}

/** The applications the caller sees: all (null), or those of one township, village or person. */
export function applicationScope(
  user: SessionUser,
): null | { column: 'township_id' | 'village_id' | 'person_id'; value: number } {
  if (seesCounty(user)) return null;
  if ((user.role === 'township_officer' || user.role === 'township_secretary') && user.townshipId != null)
    return { column: 'township_id', value: user.townshipId };
  if (user.role === 'village_secretary' && user.villageId != null)
    return { column: 'village_id', value: user.villageId };
  return { column: 'person_id', value: user.personId ?? -1 };
}
