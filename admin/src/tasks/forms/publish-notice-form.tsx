import { required, TextInput } from 'react-admin';
import { RankingPreview } from '../../annual-assessment/ranking-preview';
import type { Task } from '../types';

export const publishNoticeDefaults = () => ({ where: '乡镇政务公开栏、各村村务公开栏' });

/** 发布公示: the township officer checks the ranking and publishes it; the notice runs from now. */
export const PublishNoticeForm = ({ task }: { task: Task }) => (
    <>
        {task.context.year != null && task.townshipId != null && (
            <RankingPreview year={Number(task.context.year)} townshipId={Number(task.townshipId)} />
        )}
        <TextInput source="form.where" label="qinglan.forms.notice_where" validate={required()} fullWidth />
        <TextInput source="form.note" label="qinglan.forms.notice_note" multiline minRows={2} fullWidth />
    </>
);
