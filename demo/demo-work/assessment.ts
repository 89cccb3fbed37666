// 年度考核 in flight: the county starts this year's assessment in one township; a few cadres
// hand in their self-reports, their village Party secretaries review some, the township
// officer scores fewer still. A second start of the same year is a no-op, so a rerun is safe.
import type { DemoApi } from './api-client.js';
import { waitUntil } from './api-client.js';
import { ASSESSMENT } from './demo-work-plan.js';
import { actOnce } from './task-steps.js';

export interface AssessmentResult {
  year: number;
  townshipId: number;
  townshipName: string;
  reported: number;
  reviewed: number;
  scored: number;
}

async function processOf(api: DemoApi, year: number, personId: number): Promise<string> {
  const filter = { type: 'annual-assessment', subjectPersonId: personId };
  const rows = () =>
    api.get<{ id: string; params: { year?: number } }[]>('admin', '/api/processes', { filter, range: [0, 49] });
  const thisYear = async () => (await rows()).find((p) => p.params.year === year);
  const found = await waitUntil(`the ${year} assessment of person ${personId}`, thisYear);
  return found.id;
}

/** The score the officer gives: every rubric item the step asks for (its context carries the rubric). */
function scoresFor(rubric: unknown, seed: number): Record<string, number> {
  const items = Array.isArray(rubric) ? (rubric as { key: string; max: number }[]) : [];
  return Object.fromEntries(
    items.map((item, i) => [item.key, Math.round(item.max * (0.82 + ((seed + i * 5) % 13) / 100))]),
  );
}

export async function startAssessment(api: DemoApi): Promise<AssessmentResult> {
  type Started = { year: number; started: number[]; alreadyRunning: number[] };
  const started = await api.post<Started>('admin', '/api/processes/annual-assessment/start', {
    townshipIds: [ASSESSMENT.township],
  });
  const { year } = started;
  const counts = { reported: 0, reviewed: 0, scored: 0 };
  await Promise.all(
    ASSESSMENT.reports.map(async (report, index) => {
      const cadre = await api.as(report.cadre);
      const processId = await processOf(api, year, cadre.user.personId!);
      await actOnce(api, processId, {
        step: 'self-report',
        as: report.cadre,
        action: 'submit',
        form: {
          summary: `${year} 年认真履行村"两委"成员职责，完成了网格走访和矛盾纠纷排查`,
          achievements: '协助完成人居环境整治，调解纠纷 6 起',
        },
      });
      counts.reported++;
      if (!report.reviewed) return;
      await actOnce(api, processId, {
        step: 'review',
        as: report.reviewer,
        action: 'submit',
        form: { opinion: '工作积极，群众反映较好' },
      });
      counts.reviewed++;
      if (!report.scored) return;
      const scoreTask = await api.taskWhenOpened(processId, 'score', 1);
      const scores = scoresFor(scoreTask.context.rubric, index);
      await actOnce(api, processId, { step: 'score', as: ASSESSMENT.officer, action: 'submit', form: { scores } });
      counts.scored++;
    }),
  );
  const township = await api.get<{ name: string }>('admin', `/api/townships/${ASSESSMENT.township}`);
  return { year, townshipId: ASSESSMENT.township, townshipName: township.name, ...counts };
}
