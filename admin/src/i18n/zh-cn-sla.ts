/** Messages of 时效报表 in Simplified Chinese, merged into zh-cn.ts. en-sla.ts must provide the same keys. */
export const zhCNSla = {
    resources: {
        'sla-report': { name: '时效报表', fields: {} },
    },
    qinglan: {
        sla: {
            title: '时效报表',
            process_type: '流程类型',
            from: '开启日期自',
            to: '至',
            township: '乡镇(街道)',
            step: '环节',
            open: '在办',
            overdue_open: '在办逾期',
            decided: '已办结',
            decided_late: '逾期办结',
            avg_hours: '平均办理时长(小时)',
            p90_hours: 'P90办理时长(小时)',
            chart: '各环节办理时长（小时）',
            avg: '平均',
            p90: 'P90',
            export: '导出 Excel',
            none: '所选期间没有待办记录',
            note: '统计所选期间开启的待办；办理时长自待办开启至办结。',
        },
    },
};

export type SlaMessages = typeof zhCNSla;
