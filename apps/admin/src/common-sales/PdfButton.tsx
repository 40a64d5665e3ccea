import { useState } from 'react';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, useNotify, type ButtonProps } from 'react-admin';
import { downloadPdf, errorMessage } from './adminActions';

export interface PdfButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** Under /api/admin, e.g. `invoices/17/pdf`. */
  path: string;
  /** Used when the server names no file. */
  fileName: string;
}

/** Downloads a PDF of the admin API (it needs the bearer token, so it is fetched, not linked). */
export const PdfButton = ({ path, fileName, label = 'PDF', ...rest }: PdfButtonProps) => {
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  const download = async (event: React.MouseEvent) => {
    event.stopPropagation(); // inside a clickable row
    setLoading(true);
    try {
      await downloadPdf(path, fileName);
    } catch (error) {
      notify(errorMessage(error, 'The PDF could not be downloaded.'), { type: 'error' });
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button label={label} onClick={download} disabled={loading} {...rest}>
      <PictureAsPdfIcon />
    </Button>
  );
};
