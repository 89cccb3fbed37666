import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RecruitmentRules } from '../../../domain/recruitment-rules';

/** The campaign's rules as the notice states them (报考条件, 日程, 成绩, 录用), one line each. */
export const RulesSummary = ({ rules }: { rules: RecruitmentRules }) => {
    const translate = useTranslate();
    const t = (key: string, options?: Record<string, unknown>) =>
        translate(`qinglan.recruitment.summary.${key}`, options);
    const lines = [
        t('posts', { posts: rules.eligiblePosts.map((p) => translate(`qinglan.recruitment.post.${p}`)).join('、') }),
        t('years', rules.yearsInPost),
        t('age', { limit: rules.ageLimit, relaxed: rules.relaxedAgeLimit }),
        t('education', { level: translate(`qinglan.education.${rules.minimumEducation}`) }),
        t('assessment', { years: rules.assessmentYears }),
        ...(rules.disqualifyDisciplinaryPeriod || rules.disqualifyInvestigation ? [t('discipline')] : []),
        t('dates', {
            apply: rules.applicationDays,
            notice: rules.qualifiedNoticeWorkingDays,
            hire: rules.hireNoticeDays,
        }),
        t('exams', {
            written: rules.passMarks.written,
            interview: rules.passMarks.interview,
            ratio: rules.shortlistRatio,
        }),
        t('total', {
            w: rules.writtenWeightPercent,
            i: 100 - rules.writtenWeightPercent,
            county: rules.bonusPoints.county,
            prefecture: rules.bonusPoints.prefecture,
        }),
        t('probation', {
            civil: rules.probationMonths.civilService,
            institution: rules.probationMonths.publicInstitution,
            years: rules.minimumServiceYears,
        }),
    ];
    return (
        <Box component="ol" className="qinglan-recruitment-rules" sx={{ m: 0, pl: 3 }}>
            {lines.map((line) => (
                <Typography component="li" variant="body2" key={line} sx={{ py: 0.25 }}>
                    {line}
                </Typography>
            ))}
        </Box>
    );
};
