// 健康探针: the smallest process. Proves a worker picks up work from the server and can
// reach the database through an activity.
import { proxyActivities } from '@temporalio/workflow';
import type { HealthProbeActivities } from '../../activities/health-probe/health-probe-activities.js';

const { readDatabaseClock } = proxyActivities<HealthProbeActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

export interface HealthProbeResult {
  echo: string;
  databaseTime: string;
}

export async function healthProbe(echo: string): Promise<HealthProbeResult> {
  const databaseTime = await readDatabaseClock();
  return { echo, databaseTime };
}
