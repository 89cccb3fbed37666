// Work in flight for the demo county, so a visitor's first sign-in finds full inboxes and
// processes to open: mentor pairings at different steps in two townships, this year's
// assessment under way in one, and a late exchange that has escalated. Everything goes through
// the running API as the demo accounts, exactly as people would do it; nothing is written
// behind the workflows' backs. Runs once, on the start that loaded the county.
import type { DB } from '../db/database.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { DemoApi } from './demo-work/api-client.js';
import { startAssessment, type AssessmentResult } from './demo-work/assessment.js';
import { demoWorkPending, markDemoWorkDone } from './demo-work/demo-work-marker.js';
import { MOVED_DEADLINE_SECONDS, PAIRINGS, type PairingStage } from './demo-work/demo-work-plan.js';
import { startPairing, type PairingResult } from './demo-work/pairings.js';

export interface DemoWorkOptions {
  onProgress?: (line: string) => void;
}

export interface DemoWorkResult {
  pairings: PairingResult[];
  assessment: AssessmentResult;
  seconds: number;
}

const STAGE_NAMES: Record<PairingStage, string> = {
  proposed: '待书记审批',
  returned: '成长计划退回重写',
  exchanging: '已记录月度交流',
  escalated: '交流逾期督办',
};

/** Starts the demo work through the API at `baseUrl` (worker and API must be up). */
export async function startDemoWork(baseUrl: string, options: DemoWorkOptions = {}): Promise<DemoWorkResult> {
  const report = options.onProgress ?? (() => {});
  const started = Date.now();
  const api = new DemoApi(baseUrl, DEMO_PASSWORD);
  const [pairings, assessment] = await Promise.all([
    Promise.all(PAIRINGS.map((plan) => startPairing(api, plan))).then((results) => {
      const byStage = Object.entries(STAGE_NAMES).map(
        ([stage, name]) => `${name} ${results.filter((r) => r.plan.stage === stage).length}`,
      );
      const townships = new Set(results.map((r) => r.plan.township)).size;
      report(`导师帮带 ${results.length} 对（${townships} 个乡镇）：${byStage.join(' / ')}`);
      return results;
    }),
    startAssessment(api).then((result) => {
      report(
        `${result.year} 年度考核（${result.townshipName}）：述职已交 ${result.reported} / 已评议 ${result.reviewed} / 已评分 ${result.scored}，其余待述职`,
      );
      return result;
    }),
  ]);
  const late = pairings.filter((r) => r.plan.stage === 'escalated').length;
  report(`逾期督办 ${late} 件：首月交流时限已调整，约 ${MOVED_DEADLINE_SECONDS + 20} 秒后逾期并上报乡镇组织委员`);
  const seconds = (Date.now() - started) / 1000;
  report(`演示流程已发起，用时 ${seconds.toFixed(1)} 秒`);
  return { pairings, assessment, seconds };
}

/**
 * The start command's stage: only where this installation's first start loaded the demo
 * county (and never in production), and only until it has once gone through.
 */
export async function startPendingDemoWork(
  db: DB,
  baseUrl: string,
  options: DemoWorkOptions = {},
): Promise<DemoWorkResult | null> {
  if (process.env.NODE_ENV === 'production' || !(await demoWorkPending(db))) return null;
  const result = await startDemoWork(baseUrl, options);
  await markDemoWorkDone(db, {
    pairings: result.pairings.map((p) => p.processId),
    year: result.assessment.year,
    seconds: result.seconds,
  });
  return result;
}
