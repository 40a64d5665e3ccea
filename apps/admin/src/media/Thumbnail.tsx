import { useState } from 'react';
import Box from '@mui/material/Box';
import ImageIcon from '@mui/icons-material/ImageOutlined';

export interface ThumbnailProps {
  src?: string | null;
  alt?: string;
  size?: number;
}

/**
 * A product thumbnail (docs/api.md#catalog-media) in a fixed square, or a neutral placeholder when there
 * is none, or when its file is gone (a deleted image that an old order line still names).
 */
export const Thumbnail = ({ src, alt = '', size = 40 }: ThumbnailProps) => {
  const [broken, setBroken] = useState(false);
  const frame = {
    width: size,
    height: size,
    flexShrink: 0,
    borderRadius: 1,
    bgcolor: 'action.hover',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    overflow: 'hidden',
  } as const;
  if (!src || broken) {
    return (
      <Box sx={frame} aria-hidden>
        <ImageIcon fontSize="small" color="disabled" />
      </Box>
    );
  }
  return (
    <Box sx={frame}>
      <img src={src} alt={alt} loading="lazy" onError={() => setBroken(true)} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
    </Box>
  );
};
