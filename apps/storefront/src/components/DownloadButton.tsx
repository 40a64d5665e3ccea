import { useState } from 'react';
import { ErrorAlert } from './ui';

/**
 * A PDF the API gives only with the order's credentials (a header), so no plain link can fetch it:
 * the button fetches it and hands it to the browser as a file.
 */
export function DownloadButton({ label, filename, fetch }: { label: string; filename: string; fetch: () => Promise<Blob> }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const url = URL.createObjectURL(await fetch());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" onClick={download} disabled={busy}>
        {label}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
