import { useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { errorMessage } from './adminActions';

export interface FormDialogProps {
  /** Names the title for `aria-labelledby` (`<id>-title`). */
  id: string;
  title: ReactNode;
  /** Shown before the problem of a failed submit: what the form is about. */
  intro?: ReactNode;
  children?: ReactNode;
  /** Off while the dialog is kept mounted but hidden (its state outlives it); on by default. */
  open?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md';
  spacing?: number;
  submitLabel: ReactNode;
  submitColor?: 'primary' | 'error';
  /** Besides while the form is being sent. */
  submitDisabled?: boolean;
  backLabel?: string;
  /** The problem shown when a failure carries no message. */
  failure: string;
  /**
   * Sends the form. Resolves to `false` to stay open (the form shows its own errors), otherwise the
   * dialog closes; a rejection's message is shown above the fields and the dialog stays.
   */
  onSubmit: () => Promise<boolean | void>;
  onClose: () => void;
}

/**
 * A dialog around one form (a payment, a refund, a return's step): title, fields, the problem of a
 * failed submit, and Back / submit buttons, which hold still while it is sent.
 */
export const FormDialog = ({
  id,
  title,
  intro,
  children,
  open = true,
  maxWidth = 'xs',
  spacing = 2,
  submitLabel,
  submitColor = 'primary',
  submitDisabled = false,
  backLabel = 'Back',
  failure,
  onSubmit,
  onClose,
}: FormDialogProps) => {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setProblem(null);
    setSaving(true);
    try {
      if ((await onSubmit()) !== false) onClose();
    } catch (error) {
      setProblem(errorMessage(error, failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={saving ? undefined : onClose} fullWidth maxWidth={maxWidth} aria-labelledby={`${id}-title`}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={spacing} sx={{ pt: 1 }}>
            {intro}
            {problem && <Alert severity="error">{problem}</Alert>}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={saving}>
            {backLabel}
          </MuiButton>
          <MuiButton type="submit" variant="contained" color={submitColor} disabled={saving || submitDisabled}>
            {submitLabel}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
