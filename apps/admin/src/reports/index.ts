import AssessmentIcon from '@mui/icons-material/Assessment';
import { salesReportPath } from './salesReportLink';

export { SalesReportPage } from './SalesReportPage';
export { salesReportLink, salesReportPath } from './salesReportLink';

/** The custom route of the sales report, and its menu entry (resource `reports`: admins and staff). */
export const salesReportRoute = { path: salesReportPath, resource: 'reports', icon: AssessmentIcon } as const;
