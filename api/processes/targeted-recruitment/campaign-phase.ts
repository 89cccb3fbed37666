// Where a running campaign stands: its phase (报名, 乡镇推荐, 资格复审, 公示, …) and, during a
// 公示, the moment it ends, asked of the campaign workflow. A campaign that is not running, or
// whose workflow does not answer, has neither: the page then shows its status alone.
import type { Context } from 'hono';
import { campaignProgressQuery } from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { AppEnv } from '../../context.js';
import type { CampaignRow } from './campaign-access.js';

export interface CampaignPhase {
  phase: string | null;
  noticeEndsAt: string | null;
}

const NOTICES = new Set(['notice', 'hire_notice']);

export async function campaignPhase(c: Context<AppEnv>, campaign: CampaignRow): Promise<CampaignPhase> {
  if (campaign.status !== 'published' || !campaign.workflow_id) return { phase: null, noticeEndsAt: null };
  try {
    const progress = await c.var.deps.temporal.client.workflow
      .getHandle(campaign.workflow_id)
      .query(campaignProgressQuery);
    return {
      phase: progress.phase,
      noticeEndsAt: NOTICES.has(progress.phase) ? progress.noticeEndsAt : null,
    };
  } catch {
    return { phase: null, noticeEndsAt: null };
  }
}
