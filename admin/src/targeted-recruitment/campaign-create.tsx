import { Card } from '@mui/material';
import { Title, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { chinaYear } from '../../../domain/china-time';
import { DEFAULT_RECRUITMENT_RULES } from '../../../domain/recruitment-rules';
import { planOf, recruitmentApi } from './api';
import { CampaignForm, PlanInputs, RulesInputs } from './campaign-form';
import type { CampaignDraft } from './types';

/** 拟定方案: a draft with the county's usual rules, every one of which may be changed here. */
export const CampaignCreate = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    const save = async (values: Record<string, unknown>) => {
        try {
            const { id } = await recruitmentApi.create({
                ...planOf(values),
                rules: (values as unknown as CampaignDraft).rules,
            });
            notify('qinglan.recruitment.created', { type: 'success' });
            redirect(`/targeted-recruitment/${id}/show`);
            return undefined;
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
            return (e as HttpError).body?.errors as Record<string, string> | undefined;
        }
    };
    return (
        <Card sx={{ m: { xs: 1, sm: 2 } }} className="qinglan-campaign-create">
            <Title title={translate('qinglan.recruitment.create')} />
            <CampaignForm
                defaultValues={{
                    year: chinaYear(),
                    positions: [
                        { kind: 'civil_service', name: '乡镇公务员', places: 5 },
                        { kind: 'public_institution', name: '乡镇事业编制', places: 3 },
                    ],
                    rules: DEFAULT_RECRUITMENT_RULES,
                }}
                onSubmit={save}
            >
                <PlanInputs />
                <RulesInputs />
            </CampaignForm>
        </Card>
    );
};
