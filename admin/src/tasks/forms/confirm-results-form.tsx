import { TextInput } from 'react-admin';
import { RankingPreview } from '../../annual-assessment/ranking-preview';
import type { Task } from '../types';

/** 确认考核结果: after the notice and every objection answered, the township makes the results final. */
export const ConfirmResultsForm = ({ task }: { task: Task }) => (
    <>
        {task.context.year != null && task.townshipId != null && (
            <RankingPreview year={Number(task.context.year)} townshipId={Number(task.townshipId)} />
        )}
        <TextInput source="form.opinion" label="qinglan.forms.confirm_opinion" multiline minRows={2} fullWidth />
    </>
);
