import type { ComponentType, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { LinkBase } from 'react-admin';

export interface StatCardProps {
  title: string;
  value: ReactNode;
  /** A line under the figure, e.g. what it counts. */
  caption?: string;
  icon: ComponentType<{ fontSize?: 'large' | 'medium' }>;
  /** Where a click leads: the list behind the figure. */
  to?: string;
  loading?: boolean;
  /** Draws the eye (e.g. low stock above zero). */
  tone?: 'default' | 'warning';
}

/** A figure of the dashboard, as the react-admin demo's cards: icon, title, value; the whole card links. */
export const StatCard = ({ title, value, caption, icon: Icon, to, loading, tone = 'default' }: StatCardProps) => {
  const content = (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 2 }}>
      <Box sx={{ color: tone === 'warning' ? 'warning.main' : 'primary.main', display: 'flex' }}>
        <Icon fontSize="large" />
      </Box>
      <Box sx={{ minWidth: 0, flex: 1, textAlign: 'right' }}>
        <Typography variant="body2" color="text.secondary">
          {title}
        </Typography>
        <Typography variant="h5" component="p" data-stat-value sx={{ fontWeight: 600 }}>
          {loading ? <Skeleton width="60%" sx={{ ml: 'auto' }} /> : value}
        </Typography>
        {caption && (
          <Typography variant="caption" color="text.secondary">
            {caption}
          </Typography>
        )}
      </Box>
    </Box>
  );
  return (
    <Card data-stat={title} sx={{ height: '100%' }}>
      {to ? (
        <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
