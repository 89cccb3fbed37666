import { Alert, Card, LinearProgress } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TextInput, Title, useGetRecordId, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import type { RecruitmentRules } from '../../../domain/recruitment-rules';
import { recruitmentApi } from './api';
import { CampaignForm, RulesInputs } from './campaign-form';

/** 修改方案: a draft's rules, each save a new version; a published campaign's rules are frozen. */
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
            await recruitmentApi.changeRules(id, {
                rules: values.rules as RecruitmentRules,
                ...(values.reason ? { reason: String(values.reason) } : {}),
            });
            notify('qinglan.recruitment.rules_saved', { type: 'success' });
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
                <CampaignForm defaultValues={{ rules: data.rules, reason: '' }} onSubmit={save}>
                    <RulesInputs />
                    <TextInput source="reason" label="qinglan.recruitment.change_reason" fullWidth />
                </CampaignForm>
            )}
        </Card>
    );
};
