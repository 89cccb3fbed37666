import { Alert, Card, LinearProgress } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TextInput, Title, useGetRecordId, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import type { RecruitmentRules } from '../../../domain/recruitment-rules';
import { planOf, recruitmentApi } from './api';
import { CampaignForm, PlanInputs, RulesInputs } from './campaign-form';

/**
 * 修改方案: a draft's year, title, positions with their places, and rules (the days of the window
 * and the notices among them); changed rules are a new version. A published campaign is frozen.
 */
export const CampaignEdit = () => {
    const id = useGetRecordId();
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    const queryClient = useQueryClient();
    const { data, error } = useQuery({
        queryKey: ['recruitment-campaign', String(id)],
        queryFn: () => recruitmentApi.one(id),
    });
    const save = async (values: Record<string, unknown>) => {
        try {
            const rules = values.rules as RecruitmentRules;
            const rulesChanged = JSON.stringify(rules) !== JSON.stringify(data?.rules);
            await recruitmentApi.changePlan(id, {
                ...planOf(values),
                ...(rulesChanged ? { rules } : {}),
                ...(rulesChanged && values.reason ? { reason: String(values.reason) } : {}),
            });
            notify('qinglan.recruitment.plan_saved', { type: 'success' });
            await queryClient.invalidateQueries({ queryKey: ['recruitment-campaign', String(id)] });
            redirect(`/targeted-recruitment/${id}/show`);
            return undefined;
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
            return (e as HttpError).body?.errors as Record<string, string> | undefined;
        }
    };
    return (
        <Card sx={{ m: { xs: 1, sm: 2 } }} className="qinglan-campaign-edit">
            <Title title={data ? `${translate('qinglan.recruitment.edit')} · ${data.title}` : ''} />
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {!data && !error && <LinearProgress />}
            {data?.frozen && <Alert severity="info">{translate('qinglan.recruitment.frozen')}</Alert>}
            {data && !data.frozen && (
                <CampaignForm
                    defaultValues={{
                        year: data.year,
                        title: data.title,
                        positions: data.positions.map(({ kind, name, places }) => ({ kind, name, places })),
                        rules: data.rules,
                        reason: '',
                    }}
                    onSubmit={save}
                >
                    <PlanInputs />
                    <RulesInputs />
                    <TextInput source="reason" label="qinglan.recruitment.change_reason" fullWidth />
                </CampaignForm>
            )}
        </Card>
    );
};
