import { Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import { FormSummary } from '../processes/form-summary';
import { useAssigneeLabel } from './assignee-field';
import { DueDate } from './due-field';
import { TaskStatusChip } from './task-status-chip';
import type { Task } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ display: 'flex', gap: 1, py: 0.25 }}>
            <Box sx={{ color: 'text.secondary', minWidth: 96, flexShrink: 0 }}>{translate(label)}</Box>
            <Box sx={{ wordBreak: 'break-word' }}>{children}</Box>
        </Box>
    );
};

/**
 * The facts a step's context carries that its assignee reads, in this order, each labelled
 * `qinglan.tasks.context.<key>`. Other context (a rubric, earlier scores) is for the form.
 */
const CONTEXT_SHOWN = [
    'mentee',
    'mentor',
    'month',
    'grade',
    'reason',
    'cadre',
    'year',
    'objection',
    'total',
    'rank',
    'ranked',
    'objections',
    'topThree',
    'bottomThree',
    'missingNames',
    // 定向考录
    'person',
    'applicant',
    'position',
] as const;

/** The step, its process, the people concerned and the deadline; the decision once taken. */
export const TaskSummary = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const context = task.context ?? {};
    const assignee = useAssigneeLabel(task);
    const processLink = `/processes/${encodeURIComponent(task.processId)}/show`;
    return (
        <Card className="qinglan-task-summary" sx={{ mb: 2 }}>
            <CardContent>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                    <Typography variant="h6" component="h2" className="qinglan-task-step">
                        {task.stepName}
                    </Typography>
                    <TaskStatusChip status={task.status} />
                    {task.round > 1 && (
                        <Chip
                            size="small"
                            variant="outlined"
                            label={translate('qinglan.tasks.round', { round: task.round })}
                        />
                    )}
                    {task.escalationLevel > 0 && (
                        <Chip size="small" color="error" label={translate('qinglan.tasks.escalated')} />
                    )}
                </Stack>
                <Row label="qinglan.tasks.process">
                    <Link component={LinkBase} to={processLink} className="qinglan-task-process">
                        {task.processTitle}
                    </Link>
                </Row>
                <Row label="qinglan.tasks.due">
                    <DueDate task={task} />
                </Row>
                <Row label="qinglan.tasks.assignee">{assignee}</Row>
                {CONTEXT_SHOWN.map((key) => {
                    const value = context[key];
                    if (value === null || value === undefined || value === '' || typeof value === 'object') return null;
                    return (
                        <Row key={key} label={`qinglan.tasks.context.${key}`}>
                            {key === 'month'
                                ? translate('qinglan.tasks.month', { month: value })
                                : key === 'grade'
                                  ? translate(`qinglan.grade.${value}`, { _: String(value) })
                                  : String(value)}
                        </Row>
                    );
                })}
                {task.decision && (
                    <Box sx={{ mt: 1.5 }} className="qinglan-task-decision">
                        <Row label="qinglan.tasks.decided">
                            {translate(`qinglan.tasks.decision.${task.decision.decision}`, {
                                _: String(task.decision.decision),
                            })}
                            {' · '}
                            <DateTimeText value={task.decidedAt} />
                        </Row>
                        {typeof task.decision.comment === 'string' && (
                            <Row label="qinglan.tasks.reason">{task.decision.comment}</Row>
                        )}
                        <FormSummary form={task.decision.form} />
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};
