import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import HealthAndSafetyIcon from '@mui/icons-material/HealthAndSafety';
import { useCanAccess } from 'react-admin';
import { useIntegrityReport } from './dashboardApi';

/**
 * Admins: whether the stored figures agree with each other (stock with its ledger, totals with
 * their lines, balances with payments): GET /api/admin/reports/integrity.
 */
export const SystemHealthCard = () => {
  const { canAccess } = useCanAccess({ resource: 'audit-logs', action: 'list' });
  const { data, error } = useIntegrityReport(canAccess === true);
  if (!canAccess || error || !data) return null;
  const failing = data.checks.filter((check) => check.violations > 0);
  return (
    <Card>
      <CardHeader
        avatar={<HealthAndSafetyIcon color={data.ok ? 'success' : 'error'} />}
        title="System health"
        subheader={`Checked ${new Date(data.checkedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`}
      />
      <CardContent sx={{ pt: 0 }}>
        {data.ok ? (
          <Alert severity="success" icon={<CheckCircleIcon />}>
            All {data.checks.length} consistency checks pass: stock, totals, payments and invoices agree.
          </Alert>
        ) : (
          <List dense disablePadding>
            {failing.map((check) => (
              <ListItem key={check.name} disableGutters>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <ErrorIcon color="error" fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={check.description} secondary={`${check.violations} record${check.violations === 1 ? '' : 's'} disagree`} />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
};
