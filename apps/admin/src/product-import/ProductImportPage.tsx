import { useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, HttpError, Title, useNotify } from 'react-admin';
import { downloadFile, errorMessage } from '../common-sales';
import { adminApiUrl } from '../providers/dataProvider';
import { uploadFile } from '../providers/upload';
import type { ImportError, ImportResult } from '../types';

type Stage =
  | { kind: 'idle' }
  | { kind: 'sending'; fraction: number; dryRun: boolean }
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'imported'; result: ImportResult };

const COLUMNS = 'sku, product, category, description, price, costPrice, shippingCost, estimatedDeliveryDays, isActive, stock, attribute:<name>';

const Counts = ({ result }: { result: ImportResult }) => (
  <Stack direction="row" spacing={1} aria-label="Rows">
    <Chip label={`${result.created} to create`} color={result.created ? 'primary' : 'default'} variant="outlined" />
    <Chip label={`${result.updated} to update`} color={result.updated ? 'primary' : 'default'} variant="outlined" />
    <Chip label={`${result.unchanged} unchanged`} variant="outlined" />
    <Chip
      label={`${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`}
      color={result.errors.length ? 'error' : 'default'}
      variant="outlined"
    />
  </Stack>
);

const ErrorTable = ({ errors }: { errors: ImportError[] }) => (
  <TableContainer sx={{ maxHeight: 480 }}>
    <Table size="small" stickyHeader aria-label="Problems in the file">
      <TableHead>
        <TableRow>
          <TableCell align="right">Line</TableCell>
          <TableCell>Column</TableCell>
          <TableCell>Problem</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {errors.map((error, i) => (
          <TableRow key={i}>
            <TableCell align="right">{error.row}</TableCell>
            <TableCell>{error.column ?? 'the whole row'}</TableCell>
            <TableCell>{error.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

/**
 * Products in and out as CSV (docs/api.md#catalog-media). Export the catalog; import a file in two steps:
 * a dry run (nothing changes) shows what the file would create and update and every problem by
 * line and column; only a file without problems can then be imported, all at once or not at all.
 */
export const ProductImportPage = () => {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const url = (dryRun: boolean) => `${adminApiUrl}/imports/products?dryRun=${dryRun}`;

  const send = async (chosen: File, dryRun: boolean) => {
    setStage({ kind: 'sending', fraction: 0, dryRun });
    try {
      const result = await uploadFile<ImportResult>(url(dryRun), chosen, {
        onProgress: (fraction) => setStage({ kind: 'sending', fraction, dryRun }),
      });
      setStage(dryRun ? { kind: 'checked', result } : { kind: 'imported', result });
      if (!dryRun) notify(`Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`, { type: 'success' });
    } catch (error) {
      const rowErrors = error instanceof HttpError ? (error.body?.rowErrors as ImportError[] | undefined) : undefined;
      if (rowErrors) setStage({ kind: 'checked', result: { created: 0, updated: 0, unchanged: 0, errors: rowErrors } });
      else setStage({ kind: 'idle' });
      notify(errorMessage(error, 'The file could not be sent.'), { type: 'error' });
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    void send(chosen, true);
  };

  const exportCsv = () =>
    downloadFile('exports/products.csv', 'products.csv', 'text/csv').catch((error) => notify(errorMessage(error, 'The export failed.'), { type: 'error' }));

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Import and export products" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            Export
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <Button label="Download products.csv" variant="outlined" onClick={exportCsv} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              <DownloadIcon />
            </Button>
            <Typography variant="body2" color="text.secondary">
              Every variant on its own row, with its product&apos;s fields. Edit it in a spreadsheet and import it back: unchanged rows stay unchanged.
            </Typography>
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            Import
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            A CSV file (UTF-8, comma-separated, a header row) with the columns {COLUMNS}. Rows are matched by SKU: a known SKU updates its variant, a new one is
            added to the product of that name (or makes a new product). Money in cents (1999 for 19.99). Stock is set through adjustments.
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button label="Choose a CSV file" variant="outlined" onClick={() => input.current?.click()} disabled={stage.kind === 'sending'}>
              <UploadFileIcon />
            </Button>
            <Typography variant="body2">{file ? file.name : 'No file chosen'}</Typography>
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              hidden
              data-testid="import-file-input"
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </Stack>
          {stage.kind === 'sending' && (
            <Box sx={{ mt: 2 }} role="status" aria-label="Progress">
              <Typography variant="body2">
                {stage.fraction < 1
                  ? `Sending ${file?.name ?? 'the file'}… ${Math.round(stage.fraction * 100)} %`
                  : stage.dryRun
                    ? 'Checking every row…'
                    : 'Importing…'}
              </Typography>
              <LinearProgress variant={stage.fraction < 1 ? 'determinate' : 'indeterminate'} value={stage.fraction * 100} />
            </Box>
          )}
          {stage.kind === 'checked' && (
            <Stack spacing={2} sx={{ mt: 2 }}>
              <Typography variant="subtitle1" component="h3">
                Checked: nothing has changed yet
              </Typography>
              <Counts result={stage.result} />
              {stage.result.errors.length > 0 ? (
                <>
                  <Alert severity="error">
                    Fix {stage.result.errors.length === 1 ? 'this problem' : 'these problems'} in the file and choose it again: a file with problems is not
                    imported at all.
                  </Alert>
                  <ErrorTable errors={stage.result.errors} />
                </>
              ) : (
                <Box>
                  <Button
                    label={`Import ${stage.result.created + stage.result.updated + stage.result.unchanged} rows`}
                    variant="contained"
                    onClick={() => file && send(file, false)}
                  >
                    <PlayArrowIcon />
                  </Button>
                </Box>
              )}
            </Stack>
          )}
          {stage.kind === 'imported' && (
            <Stack spacing={2} sx={{ mt: 2 }}>
              <Alert severity="success">
                Imported: {stage.result.created} created, {stage.result.updated} updated, {stage.result.unchanged} unchanged.{' '}
                <Link component={RouterLink} to="/products">
                  See the products
                </Link>
              </Alert>
            </Stack>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
