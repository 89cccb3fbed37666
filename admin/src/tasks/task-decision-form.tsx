import { Alert, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DecisionButtons } from './decision-buttons';
import { stepFormOf } from './forms';
import type { Task } from './types';

// Decisions are sent by their own buttons; pressing Enter in a field sends nothing.
const ignore = () => undefined;

/** The step's form (by its form name) and the decision buttons, for the one who may act. */
export const TaskDecisionForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const stepForm = stepFormOf(task);
    // filled once per task (the page keys this form by the task's id): a reload of the record keeps what was typed
    const [record] = useState(() => ({ form: stepForm.defaults?.(task) ?? {} }));
    const { Inputs } = stepForm;
    return (
        <Card className="qinglan-task-form" data-form={task.form} sx={{ mb: 2 }}>
            <CardContent>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, color: 'primary.main', mb: 1 }}>
                    {translate('qinglan.tasks.handle')}
                </Typography>
                {stepForm.doneOn ? (
                    // Filled from a spreadsheet on its own page: nothing to type here.
                    <Alert
                        severity="info"
                        action={
                            <Button component={Link} to={stepForm.doneOn.path} size="small">
                                {translate('qinglan.forms.go_there')}
                            </Button>
                        }
                    >
                        {translate(stepForm.doneOn.message)}
                    </Alert>
                ) : (
                    <Form record={record} onSubmit={ignore}>
                        <Inputs task={task} />
                        <DecisionButtons task={task} stepForm={stepForm} />
                    </Form>
                )}
            </CardContent>
        </Card>
    );
};
