import type { DossierEntry } from './types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const known = (translate: Translate, key: string, fallback: string) => translate(key, { _: fallback });

/** The entry's heading: the process it belongs to, and what the person was in it. */
export const entryTitle = (entry: DossierEntry, translate: Translate): string => {
    if (entry.kind === 'reserve_record') {
        const kind = String(entry.detail.kind ?? entry.title);
        return known(translate, `qinglan.pool.record_kind.${kind}`, kind);
    }
    if (entry.kind === 'reserve_status')
        return translate('qinglan.dossier.reserve_status', {
            status: translate(`qinglan.pool.status.${String(entry.detail.toStatus)}`),
        });
    return entry.title;
};

/** What came of it, in a line: a grade, a score and rank, a status change with its reason. */
export const entryDetail = (entry: DossierEntry, translate: Translate): string => {
    const d = entry.detail;
    switch (entry.kind) {
        case 'reserve_status': {
            const to = translate(`qinglan.pool.status.${String(d.toStatus)}`);
            const change = d.fromStatus
                ? translate('qinglan.dossier.status_change', {
                      from: translate(`qinglan.pool.status.${String(d.fromStatus)}`),
                      to,
                  })
                : to;
            return d.reason ? `${change}：${String(d.reason)}` : change;
        }
        case 'reserve_record': {
            const value = d.detail == null ? '' : String(d.detail);
            const shown =
                d.kind === 'review' && (value === 'pass' || value === 'fail')
                    ? translate(`qinglan.pool.review.${value}`)
                    : value;
            return [shown, d.note ? String(d.note) : ''].filter(Boolean).join('；');
        }
        case 'recruitment_application': {
            const status = known(
                translate,
                `qinglan.recruitment.application_status.${String(entry.status)}`,
                String(entry.status),
            );
            const line = translate('qinglan.dossier.recruitment', { position: d.position, status });
            const score =
                d.total != null
                    ? translate('qinglan.dossier.recruitment_score', { total: d.total, rank: d.rank ?? '—' })
                    : '';
            return [line, score, d.reason ? String(d.reason) : ''].filter(Boolean).join('；');
        }
        case 'assessment_result':
            return d.grade
                ? translate('qinglan.dossier.assessment', {
                      year: d.year,
                      grade: known(translate, `qinglan.assessment.grade.${String(d.grade)}`, String(d.grade)),
                      total: d.total ?? '—',
                      rank: d.rank ?? '—',
                  })
                : translate('qinglan.dossier.assessment_pending', { year: d.year });
        default:
            return d.grade ? known(translate, `qinglan.assessment.grade.${String(d.grade)}`, String(d.grade)) : '';
    }
};
