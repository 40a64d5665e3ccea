import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Title, useGetIdentity } from 'react-admin';

/**
 * Placeholder: the real dashboard (cards from GET /api/admin/reports/dashboard and a revenue
 * chart, SPEC.md section 13) comes with the reports module.
 */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Chance Store" />
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom>
          Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
        </Typography>
        <Typography variant="body1">
          This is the Chance Store back office: online and in-store sales, catalog and stock, purchases and service
          bookings.
        </Typography>
      </CardContent>
    </Card>
  );
};
