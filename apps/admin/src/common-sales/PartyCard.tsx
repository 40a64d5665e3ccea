import type { ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';

/** A titled card for who a document concerns: the customer, the ship-to or bill-to address, the supplier. */
export const PartyCard = ({ title, sx, children }: { title: string; sx?: SxProps<Theme>; children: ReactNode }) => (
  <Card variant="outlined" sx={sx}>
    <CardContent>
      <Typography variant="overline" color="text.secondary">
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);
