import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { TaskActionDialog } from './task-action-dialog';
import type { Task, TaskOperation } from './types';
import { useTaskAction } from './use-task-action';

// Roles that may supervise a step (催办, 调整时限) or started it; the server has the last word.
const SUPERVISING = ['county_admin', 'township_officer', 'township_secretary'];

const operationsFor = (task: Task, role: unknown): TaskOperation[] => {
    if (task.status !== 'open') return [];
    if (task.canAct) return ['transfer', 'add_signer', 'cc', 'comment'];
    if (SUPERVISING.includes(String(role))) return ['urge', 'comment', 'change_deadline'];
    return [];
};

const NO_RETURN: { id: string; name: string }[] = [];

/** 转交, 加签, 抄送, 催办, 评论, 调整时限: what the viewer may do besides deciding. */
export const TaskOperations = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const { act, pending } = useTaskAction(task);
    const [asking, setAsking] = useState<TaskOperation | null>(null);
    const operations = operationsFor(task, permissions);
    if (operations.length === 0) return null;
    return (
        <>
            <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('qinglan.tasks.operations')}
            </Typography>
            <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ flexWrap: 'wrap', mt: 0.5 }}
                className="qinglan-operations"
            >
                {operations.map((operation) => (
                    <Button
                        key={operation}
                        size="small"
                        variant="outlined"
                        disabled={pending}
                        data-action={operation}
                        onClick={() => setAsking(operation)}
                    >
                        {translate(`qinglan.tasks.action.${operation}`)}
                    </Button>
                ))}
            </Stack>
            <TaskActionDialog
                action={asking}
                returnToChoices={NO_RETURN}
                pending={pending}
                onClose={() => setAsking(null)}
                onConfirm={(extra) => act({ action: asking!, ...extra })}
            />
        </>
    );
};
