import BlockIcon from '@mui/icons-material/Block';
import DangerousIcon from '@mui/icons-material/Dangerous';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import { TopToolbar, useDataProvider, useGetIdentity, usePermissions, useRecordContext } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { mayManagePairings } from '../roles';
import { ReassignMentorButton } from './reassign-mentor-button';
import { ReasonActionButton } from './reason-action-button';
import type { ProcessDetail } from './types';

/**
 * 更换导师 and 提前结束 for a running pairing; 撤销流程 for the county (and whoever started it);
 * 强制终止 for the county, when a process cannot answer a withdrawal.
 */
export const ProcessActions = () => {
    const process = useRecordContext<ProcessDetail>();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    if (!process || process.status !== 'running') return <TopToolbar />;
    const pairing = process.type === 'mentor-pairing' && mayManagePairings(permissions);
    const mayCancel =
        permissions === 'county_admin' ||
        (permissions === 'township_officer' && identity?.id != null && identity.id === process.startedBy);
    return (
        <TopToolbar>
            {pairing && <ReassignMentorButton />}
            {pairing && (
                <ReasonActionButton
                    label="qinglan.mentor_pairing.end_early"
                    icon={<StopCircleIcon />}
                    content="qinglan.mentor_pairing.end_early_hint"
                    success="qinglan.mentor_pairing.ended_early"
                    className="qinglan-end-early"
                    run={(reason) => dataProvider.endPairingEarly(process.id, reason)}
                />
            )}
            {mayCancel && (
                <ReasonActionButton
                    label="qinglan.processes.cancel"
                    icon={<BlockIcon />}
                    content="qinglan.processes.cancel_hint"
                    success="qinglan.processes.cancelled"
                    className="qinglan-cancel-process"
                    run={(reason) => dataProvider.cancelProcess(process.id, reason)}
                />
            )}
            {permissions === 'county_admin' && (
                <ReasonActionButton
                    label="qinglan.processes.terminate"
                    icon={<DangerousIcon />}
                    content="qinglan.processes.terminate_hint"
                    success="qinglan.processes.terminated"
                    className="qinglan-terminate-process"
                    run={(reason) => dataProvider.terminateProcess(process.id, reason)}
                />
            )}
        </TopToolbar>
    );
};
