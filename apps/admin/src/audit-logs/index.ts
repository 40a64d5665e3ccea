import ManageHistoryIcon from '@mui/icons-material/ManageHistory';
import type { ResourceProps } from 'react-admin';
import { AuditLogList } from './AuditLogList';

/** The `audit-logs` admin resource (docs/api.md#back-office-resources): read only, admins only. */
export const auditLogs = {
  name: 'audit-logs',
  list: AuditLogList,
  icon: ManageHistoryIcon,
} satisfies ResourceProps;

export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel';
export { ChangeList, RecordName } from './ChangeLines';
export { auditLogsLink } from './auditLogsLink';
export { AuditLogList };
