import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DoneIcon from '@mui/icons-material/Done';
import { Button } from 'react-admin';

export interface SecretOnceProps {
  /** what the secret is, e.g. "API key ERP sync" */
  title: string;
  secret: string;
  /** how it is used, one sentence */
  usage: string;
  onDone: () => void;
}

/**
 * A secret the API shows once (an API key, a webhook's signing secret): in full, with a copy
 * button, and the warning that it will not be shown again. It lives only in this page's memory.
 */
export function SecretOnce({ title, secret, usage, onDone }: SecretOnceProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <Box sx={{ maxWidth: 760, mt: 2 }}>
      <Alert severity="warning" sx={{ mb: 2 }}>
        <AlertTitle>{title}</AlertTitle>
        Copy it now: it is shown this once. Only a hash (or a sealed copy) is kept, so nobody can show it to you again.
      </Alert>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography
          component="code"
          data-testid="secret"
          sx={{ fontFamily: 'monospace', fontSize: 14, p: 1, bgcolor: 'action.hover', borderRadius: 1, wordBreak: 'break-all', userSelect: 'all', flex: 1 }}
        >
          {secret}
        </Typography>
        <Button label={copied ? 'Copied' : 'Copy'} onClick={copy} variant="outlined">
          {copied ? <DoneIcon /> : <ContentCopyIcon />}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {usage}
      </Typography>
      <Button label="I have copied it" onClick={onDone} variant="contained" />
    </Box>
  );
}
