import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMoney, useStoreInfo } from '../state/store-info';
import { messageOf } from './messages';

/**
 * The page's heading: sets the document title, and takes the focus after a client-side
 * navigation, so screen readers announce the new page and keyboard users start at its top.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { storeName } = useStoreInfo();
  const location = useLocation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${storeName}` : storeName;
  }, [text, storeName]);
  useEffect(() => {
    // not on the first page shown: there the browser starts at the top anyway
    if (location.key !== 'default') ref.current?.focus();
  }, [location.key]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

export function Money({ amount }: { amount: number }) {
  return <>{useMoney()(amount)}</>;
}

/** An error of the API (or any error) as an alert, read out when it appears. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>{messageOf(error)}</p>
      {children}
    </div>
  );
}

/** A polite status line (saved, added to the cart): read out without moving the focus. */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="status">
      {children}
    </p>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function Field({ label, error, hint, id, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const described = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>
        {label}
        {input.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span id={`${inputId}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error ? (
        <span id={`${inputId}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, error, id, children, ...select }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} aria-invalid={error ? true : undefined} aria-describedby={error ? `${selectId}-error` : undefined} {...select}>
        {children}
      </select>
      {error ? (
        <span id={`${selectId}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Previous / next through a paged list, with where we are. */
export function Pagination({ page, perPage, total, hrefFor }: { page: number; perPage: number; total: number; hrefFor: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 0 ? <Link to={hrefFor(page - 1)}>Previous page</Link> : <span aria-hidden="true" />}
      <span>
        Page {page + 1} of {pages}
      </span>
      {page + 1 < pages ? <Link to={hrefFor(page + 1)}>Next page</Link> : <span aria-hidden="true" />}
    </nav>
  );
}

/** "Order status" words for people. */
export const words = (value: string): string => value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  return withTime ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
