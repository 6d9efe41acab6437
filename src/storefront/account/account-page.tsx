import type { ComponentChildren } from 'preact';
import { Document, renderDocument } from '../document.tsx';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { StoreLayout } from '../store-layout.tsx';
import type { AccountNotice } from './account-paths.ts';
import { accountCss } from './account-styles.ts';
import type { FormProblems } from './form-problems.ts';

/** Every account page: never indexed, the header knowing whether someone is signed in. */
export function renderAccountPage(
  site: StorefrontSite,
  page: { title: string; signedIn: boolean; narrow?: boolean; script?: string; children: ComponentChildren },
): string {
  return renderDocument(
    <Document
      lang={site.locale}
      title={`${page.title} | ${site.store.name}`}
      noindex
      head={
        <>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: accountCss }} />
          {page.script ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data.
            <script dangerouslySetInnerHTML={{ __html: page.script }} />
          ) : null}
        </>
      }
    >
      <StoreLayout site={site} customerSignedIn={page.signedIn}>
        <section class={`account wrap${page.narrow ? ' account-narrow' : ''}`}>{page.children}</section>
      </StoreLayout>
    </Document>,
  );
}

const noticeText = (t: StorefrontMessages, notice: AccountNotice, resetHours: number): string =>
  ({
    activated: t.accountActivated,
    password: t.accountPasswordChanged,
    details: t.accountDetailsSaved,
    'address-saved': t.accountAddressSaved,
    'address-deleted': t.accountAddressDeleted,
    'signed-out': t.accountSignedOut,
    'check-email': t.accountCheckEmailBody,
    'reset-sent': t.accountResetSent(resetHours),
  })[notice];

/** The line a page shows after a change ("The address is saved."), announced to screen readers. */
export function Notice({
  site,
  notice,
  resetHours = 1,
}: {
  site: StorefrontSite;
  notice?: AccountNotice;
  resetHours?: number;
}) {
  if (!notice) return null;
  return (
    <p class="notice-ok" role="status">
      {noticeText(messagesFor(site.locale), notice, resetHours)}
    </p>
  );
}

/** The form's own problem (wrong password, expired form, check the fields), announced at once. */
export function FormProblem({ problems }: { problems: FormProblems }) {
  if (!problems.form) return null;
  return (
    <p class="form-problem" role="alert">
      {problems.form}
    </p>
  );
}

/** A form's one button, where every form of these pages puts it. */
export function SubmitRow({ label }: { label: ComponentChildren }) {
  return (
    <div class="actions">
      <button class="btn" type="submit">
        {label}
      </button>
    </div>
  );
}

/** The CSRF token every form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete?: string;
  required?: boolean;
  /** Shown but not typed in (the e-mail of the account a mailed link is for). */
  readOnly?: boolean;
  optionalLabel?: string;
  hint?: string;
  problems: FormProblems;
  maxLength?: number;
}

/** A labelled input with its hint and its problem, tied together for screen readers. */
export function Field(props: FieldProps) {
  const id = `f-${props.name}`;
  const error = props.problems.fields[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  // Spread: Preact types an input's attributes per `type`, and this one takes several.
  const inputAttributes: Record<string, unknown> = {
    id,
    name: props.name,
    type: props.type ?? 'text',
    value: props.value ?? '',
    autocomplete: props.autocomplete,
    required: props.required,
    readOnly: props.readOnly,
    maxLength: props.maxLength,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.optionalLabel ? <span class="optional"> ({props.optionalLabel})</span> : null}
      </label>
      <input {...inputAttributes} />
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
