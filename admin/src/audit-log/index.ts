import HistoryIcon from '@mui/icons-material/History';
import type { AuditLogEntry } from '../types';
import { AuditLogList } from './audit-log-list';
import { AuditLogShow } from './audit-log-show';

export { AuditLogList, AuditLogShow };

export default {
    list: AuditLogList,
    show: AuditLogShow,
    icon: HistoryIcon,
    recordRepresentation: (record: AuditLogEntry) => `#${record.id}`,
};
