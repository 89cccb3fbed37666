/**
 * Messages of 后备干部使用 (使用推荐, 使用, 退出) in Simplified Chinese, merged into zh-cn.ts.
 * en-reserve-use.ts must provide the same keys.
 */
export const zhCNReserveUse = {
    qinglan: {
        reserve_use: {
            ranking: '使用推荐',
            ranking_title: '%{village} 后备干部使用推荐',
            ranking_help:
                '村“两委”职位出缺或换届时，按以下规则排序供乡镇提名：年度考察不合格年数少者在前，合格年数多者在前；培训记录多者在前，跟班学习/挂职/助理记录多者在前；试用期已满者在前，期满早者在前；仍相同的，入库早者在前，再按编号。',
            ranking_pick_village: '请先在筛选中选择一个村(社区)，再查看其使用推荐。',
            ranking_empty: '该村(社区)暂无在库或试用期的后备干部',
            rank: '排名',
            name: '姓名',
            status: '状态',
            reviews: '年度考察',
            no_reviews: '尚无考察',
            training: '培训 / 跟班锻炼',
            training_counts: '培训 %{trainings} 次，跟班锻炼 %{placements} 次',
            trial: '试用期',
            trial_done: '%{day} 期满',
            trial_running: '试用中',
            why: '排在下一名之前的原因',
            last: '末位',
            cannot_use: '培养流程尚未就绪，请稍后刷新再办理',
            criterion: {
                failYears: '不合格年数更少',
                passYears: '合格年数更多',
                trainings: '培训记录更多',
                placements: '跟班锻炼记录更多',
                trialCompleted: '试用期已满',
                trialCompletedOn: '试用期满更早',
                enteredOn: '入库更早',
                reserveId: '编号在前（其余均相同）',
            },
            use: '使用',
            use_title: '使用后备干部：%{name}',
            post: '职务',
            posts: {
                secretary: '村党组织书记',
                deputy_secretary: '村党组织副书记',
                branch_member: '村党组织委员',
                director: '村委会主任',
                deputy_director: '村委会副主任',
                committee_member: '村委会委员',
            },
            date: '任职日期',
            note: '备注（如：换届选举当选、补选）',
            used: '已使用为%{post}',
            pairing_proposed: '已向乡镇发起导师帮带：%{title}',
            exit: '退出',
            exit_title: '后备干部退出：%{name}',
            exit_kind: '退出原因',
            exit_kinds: {
                moved_away: '迁出',
                failed_review: '考察不合格',
                discipline: '违纪',
                aged_out: '超龄',
                withdrew: '本人退出',
            },
            exit_reason: '说明',
            exited: '已退出人才库',
        },
    },
};

export type ReserveUseMessages = typeof zhCNReserveUse;
