import type { ComponentType, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
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
  /** The figure's parts, each with the list behind it ("Online $11.00", "In-store $5.00"); instead of `to`. */
  parts?: { label: string; value: ReactNode; to: string }[];
}

/** A figure of the dashboard, as the react-admin demo's cards: icon, title, value; the whole card links. */
export const StatCard = ({ title, value, caption, icon: Icon, to, loading, tone = 'default', parts }: StatCardProps) => {
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
        {parts && !loading && (
          <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
            {parts.map((part) => (
              <Link key={part.label} component={LinkBase} to={part.to} variant="body2" data-stat-part={part.label}>
                {part.label} {part.value}
              </Link>
            ))}
          </Stack>
        )}
      </Box>
    </Box>
  );
  return (
    <Card data-stat={title} sx={{ height: '100%' }}>
      {to && !parts ? (
        <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
