import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { Button, Tooltip, useMediaQuery, type Theme } from '@mui/material';
import {
    Datagrid,
    FunctionField,
    List,
    NumberField,
    SimpleList,
    TextField,
    TopToolbar,
    FilterButton,
    Link,
    useListContext,
    usePermissions,
    useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { isCountyRole } from '../roles';
import { DueChips } from './due-chips';
import { ReserveExportButton } from './export-button';
import { IN_POOL, reserveFilters } from './reserve-filters';
import { StatusChip, StatusField } from './reserve-status-chip';
import type { Reserve } from './types';
import { rankingPath } from './use-ranking-page';

/** 使用推荐 of the village chosen in the filter. */
const RankingButton = () => {
    const { filterValues } = useListContext();
    const translate = useTranslate();
    const villageId = filterValues?.villageId as number | string | undefined;
    const label = translate('qinglan.reserve_use.ranking');
    if (!villageId)
        return (
            <Tooltip title={translate('qinglan.reserve_use.ranking_pick_village')}>
                <span>
                    <Button size="small" startIcon={<LeaderboardIcon />} disabled>
                        {label}
                    </Button>
                </span>
            </Tooltip>
        );
    return (
        <Button
            size="small"
            startIcon={<LeaderboardIcon />}
            component={Link}
            to={rankingPath(villageId)}
            className="qinglan-use-ranking-link"
        >
            {label}
        </Button>
    );
};

const Actions = () => (
    <TopToolbar>
        <FilterButton />
        <RankingButton />
        <ReserveExportButton />
    </TopToolbar>
);

/** 后备干部人才库: the reserves in the caller's scope, 在库 and 试用期 first shown by default. */
export const ReserveList = () => {
    const { permissions } = usePermissions();
    const translate = useTranslate();
    const county = isCountyRole(permissions);
    const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
    return (
        <List
            filters={reserveFilters(county)}
            filterDefaultValues={{ status: IN_POOL }}
            sort={{ field: 'villageName', order: 'ASC' }}
            perPage={25}
            actions={<Actions />}
            exporter={false}
            className="qinglan-reserve-list"
        >
            {phone ? (
                <SimpleList<Reserve>
                    primaryText={(r) => `${r.name}（${r.age}）`}
                    secondaryText={(r) =>
                        `${county ? `${r.townshipName} · ` : ''}${r.villageName} · ${translate('resources.reserves.fields.mentorName')}：${r.mentorName ?? translate('qinglan.pool.no_mentor')}`
                    }
                    tertiaryText={(r) => <StatusChip status={r.status} />}
                    linkType="show"
                />
            ) : (
                <Datagrid
                    rowClick="show"
                    bulkActionButtons={false}
                    sx={{
                        '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
                        '& td, & th': { whiteSpace: 'nowrap' },
                        '& td': { py: 0.75 },
                    }}
                >
                    <TextField source="name" />
                    <NumberField source="age" />
                    {county && (
                        <TextField
                            source="townshipName"
                            label="resources.reserves.fields.townshipId"
                            sortable={false}
                        />
                    )}
                    <TextField source="villageName" />
                    <StatusField source="status" label="resources.reserves.fields.status" />
                    <FunctionField<Reserve>
                        source="mentorName"
                        render={(r) => r.mentorName ?? translate('qinglan.pool.no_mentor')}
                    />
                    <LocaleDateField source="enteredOn" />
                    <LocaleDateField source="lastMentorTalk" sortable={false} />
                    <LocaleDateField source="mentorTalkDue" />
                    <LocaleDateField source="agesOutOn" />
                    <DueChips label="qinglan.pool.due" sortable={false} />
                </Datagrid>
            )}
        </List>
    );
};
