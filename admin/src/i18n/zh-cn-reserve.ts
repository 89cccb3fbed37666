/**
 * Messages of 后备干部推选 (the reserve intake page) in Simplified Chinese, merged into zh-cn.ts.
 * en-reserve.ts must provide the same keys.
 */
export const zhCNReserve = {
    resources: {
        'reserve-intake': { name: '后备干部推选', fields: {} },
    },
    qinglan: {
        reserve: {
            title: '后备干部推选',
            township: '乡镇(街道)',
            year: '年度',
            open: '开启推选',
            opened: '已开启推选',
            not_open: '本年度推选尚未开启',
            window_ends: '推荐截止',
            notice_ends: '公示截止',
            phase_label: '当前阶段',
            villages: '各村推荐进度',
            village: '村(社区)',
            places: '名额',
            nominated: '已推荐',
            confirmed: '已确认',
            shortfall: '不足说明',
            candidates: '人选',
            name: '姓名',
            source_label: '推荐方式',
            state_label: '状态',
            composite: '综合成绩',
            rank: '排名',
            nominate: '推荐人选',
            nominated_person: '已推荐 %{name}',
            person: '被推荐人',
            note: '推荐说明（群众推荐请写明推荐人数）',
            import_scores: '导入考试成绩',
            imported: '已导入 %{count} 条成绩',
            phase: {
                nominating: '推荐中',
                reviewing: '资格审查',
                exam: '考试',
                inspecting: '考察',
                county_review: '县级联审',
                notice: '公示中',
                answering: '异议答复',
                done: '已入库备案',
            },
            source: { organisation: '组织推荐', mass: '群众推荐', self: '个人自荐' },
            state: {
                nominated: '推荐中',
                rejected: '资格审查未通过',
                qualified: '考察人选',
                inspected: '考察合格',
                failed_inspection: '考察未通过',
                returned: '县级退回',
                approved: '县级联审通过',
                on_notice: '公示中',
                objection_upheld: '异议成立',
                entered: '已入库（试用期）',
                not_selected: '未入选',
            },
        },
    },
};

export type ReserveMessages = typeof zhCNReserve;
