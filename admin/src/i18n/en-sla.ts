import type { SlaMessages } from './zh-cn-sla';

export const enSla: SlaMessages = {
    resources: {
        'sla-report': { name: 'Turnaround report', fields: {} },
    },
    qinglan: {
        sla: {
            title: 'Turnaround report',
            process_type: 'Process type',
            from: 'Opened from',
            to: 'until',
            township: 'Township',
            step: 'Step',
            open: 'Open',
            overdue_open: 'Open, overdue',
            decided: 'Decided',
            decided_late: 'Decided late',
            avg_hours: 'Average hours',
            p90_hours: 'P90 hours',
            chart: 'Hours to decide per step',
            avg: 'Average',
            p90: 'P90',
            export: 'Export Excel',
            none: 'No tasks opened in this period',
            note: 'Tasks opened in the period; hours from a task’s opening to its decision.',
        },
    },
};
