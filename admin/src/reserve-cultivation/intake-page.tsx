import RefreshIcon from '@mui/icons-material/Refresh';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Title, useGetIdentity, useNotify, usePermissions, useTranslate } from 'react-admin';
import { chinaYear } from '../../../domain/china-time';
import { httpClient } from '../http';
import { isCountyRole } from '../roles';
import { NominateDialog } from './nominate-dialog';

const BASE = '/api/processes/reserve-cultivation';

interface Village {
    villageId: number;
    name: string;
    places: number;
    nominated: number;
    confirmed: boolean;
    shortfallReason?: string;
    byState: Record<string, number>;
}
interface Candidate {
    personId: number;
    name: string;
    villageId: number;
    source: string;
    state: string;
    composite: number | null;
    rank: number | null;
}
interface Progress {
    id: string;
    phase: string;
    windowEndsAt: string;
    noticeEndsAt: string | null;
    villages: Village[];
    candidates: Candidate[];
}

const day = (iso: string | null) =>
    iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';

/** 后备干部推选: a township's intake this year — progress per village, its candidates, the exam import. */
export const IntakePage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    const county = isCountyRole(permissions);
    const own = (identity as { townshipId?: number | null } | undefined)?.townshipId ?? null;
    const ownVillage = (identity as { villageId?: number | null } | undefined)?.villageId ?? null;
    const [chosen, setChosen] = useState<string>('');
    const townshipId = county ? Number(chosen) || null : own;
    const [year, setYear] = useState(chinaYear());
    // After opening or importing, the workflow answers a moment later: read again until it has.
    const [awaiting, setAwaiting] = useState<((p: Progress | undefined) => boolean) | null>(null);
    const { data, error, isFetching, refetch } = useQuery({
        queryKey: ['reserve-intake', townshipId, year],
        enabled: townshipId !== null,
        retry: false,
        refetchInterval: (query) => (awaiting && !awaiting(query.state.data) ? 500 : false),
        queryFn: async () =>
            (await httpClient(`${BASE}/intakes/progress?townshipId=${townshipId}&year=${year}`)).json as Progress,
    });
    const open = async () => {
        try {
            await httpClient(`${BASE}/intakes`, { method: 'POST', body: JSON.stringify({ townshipId, year }) });
            notify('qinglan.reserve.opened', { type: 'success' });
            setAwaiting(() => (p: Progress | undefined) => p !== undefined);
            void refetch();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        }
    };
    const importScores = async (event: ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (!file) return;
        const form = new FormData();
        form.append('file', file);
        try {
            const res = await httpClient(`${BASE}/intakes/exam-scores?townshipId=${townshipId}&year=${year}`, {
                method: 'POST',
                body: form,
            });
            notify('qinglan.reserve.imported', {
                type: 'success',
                messageArgs: { count: (res.json as { imported: number }).imported },
            });
            setAwaiting(() => (p: Progress | undefined) => p?.phase !== 'exam');
            void refetch();
        } catch (e) {
            notify((e as Error).message, { type: 'error', multiLine: true });
        }
    };
    const mayRun = permissions === 'township_officer' || permissions === 'county_admin';
    return (
        <Box className="qinglan-reserve-intake" sx={{ p: 2 }}>
            <Title title={translate('qinglan.reserve.title')} />
            <Stack
                direction="row"
                spacing={2}
                useFlexGap
                sx={{ mb: 2, flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
                alignItems="center"
            >
                {county && (
                    <TextField
                        size="small"
                        name="townshipId"
                        label={translate('qinglan.reserve.township')}
                        value={chosen}
                        onChange={(e) => setChosen(e.target.value)}
                    />
                )}
                <TextField
                    size="small"
                    type="number"
                    name="year"
                    label={translate('qinglan.reserve.year')}
                    value={year}
                    onChange={(e) => setYear(Number(e.target.value))}
                />
                <Button startIcon={<RefreshIcon />} onClick={() => void refetch()}>
                    {translate('ra.action.refresh')}
                </Button>
                {mayRun && !data && townshipId !== null && (
                    <Button variant="contained" name="open-intake" onClick={() => void open()}>
                        {translate('qinglan.reserve.open')}
                    </Button>
                )}
                {/* 推荐: the village Party secretary (own village) or the township officer, while the window is open (the API refuses once it closes) */}
                {(permissions === 'village_secretary' || permissions === 'township_officer') &&
                    townshipId !== null &&
                    data?.phase === 'nominating' && (
                        <NominateDialog
                            townshipId={townshipId}
                            villageId={permissions === 'village_secretary' ? ownVillage : null}
                            year={year}
                            onDone={() => void refetch()}
                        />
                    )}
                {permissions === 'township_officer' && data?.phase === 'exam' && (
                    <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
                        {translate('qinglan.reserve.import_scores')}
                        <input
                            hidden
                            type="file"
                            name="exam-scores"
                            accept=".xlsx"
                            onChange={(e) => void importScores(e)}
                        />
                    </Button>
                )}
            </Stack>
            {isFetching && <LinearProgress />}
            {error && !data && <Alert severity="info">{translate('qinglan.reserve.not_open')}</Alert>}
            {data && (
                <Stack spacing={2}>
                    <Typography>
                        {translate('qinglan.reserve.phase_label')}：
                        <Chip size="small" label={translate(`qinglan.reserve.phase.${data.phase}`)} />{' '}
                        {translate('qinglan.reserve.window_ends')}：{day(data.windowEndsAt)}{' '}
                        {data.noticeEndsAt && `${translate('qinglan.reserve.notice_ends')}：${day(data.noticeEndsAt)}`}
                    </Typography>
                    <Card>
                        <CardContent>
                            <Typography variant="h6">{translate('qinglan.reserve.villages')}</Typography>
                            <Table size="small" className="qinglan-reserve-villages">
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('qinglan.reserve.village')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.places')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.nominated')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.confirmed')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.state_label')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.shortfall')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {data.villages.map((v) => (
                                        <TableRow key={v.villageId}>
                                            <TableCell>{v.name}</TableCell>
                                            <TableCell>{v.places}</TableCell>
                                            <TableCell>{v.nominated}</TableCell>
                                            <TableCell>{v.confirmed ? '✓' : ''}</TableCell>
                                            <TableCell>
                                                {Object.entries(v.byState)
                                                    .map(([s, n]) => `${translate(`qinglan.reserve.state.${s}`)} ${n}`)
                                                    .join('，')}
                                            </TableCell>
                                            <TableCell>{v.shortfallReason ?? ''}</TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                    <Card>
                        <CardContent>
                            <Typography variant="h6">{translate('qinglan.reserve.candidates')}</Typography>
                            <Table size="small" className="qinglan-reserve-candidates">
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('qinglan.reserve.name')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.village')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.source_label')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.composite')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.rank')}</TableCell>
                                        <TableCell>{translate('qinglan.reserve.state_label')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {data.candidates.map((c) => (
                                        <TableRow key={c.personId}>
                                            <TableCell>{c.name}</TableCell>
                                            <TableCell>
                                                {data.villages.find((v) => v.villageId === c.villageId)?.name}
                                            </TableCell>
                                            <TableCell>{translate(`qinglan.reserve.source.${c.source}`)}</TableCell>
                                            <TableCell>{c.composite ?? '—'}</TableCell>
                                            <TableCell>{c.rank ?? '—'}</TableCell>
                                            <TableCell>{translate(`qinglan.reserve.state.${c.state}`)}</TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                </Stack>
            )}
        </Box>
    );
};
