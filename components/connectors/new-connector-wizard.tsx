'use client';
import { submitWith } from '@/lib/forms';
import { ArrowLeft, ArrowRight, KeyRound } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { checkConnectorDetailsAction, createConnectorAction } from '@/lib/connectors/actions';
import { CONNECTOR_PERMISSIONS } from '@/lib/connectors/permissions';
import { useFocusFirstInvalid, useFocusOnChange } from '@/lib/focus';
import { cn } from '@/lib/utils';

type Errors = Record<string, string[] | undefined>;
type Details = { name: string; description: string; redirectUrl: string };

function Steps({ step }: { step: 1 | 2 }) {
  const t = useTranslations('connectors.wizard');
  const item = (n: 1 | 2, label: string) => (
    <li
      className={cn('flex items-center gap-2', step === n ? 'font-medium text-foreground' : 'text-muted-foreground')}
      aria-current={step === n ? 'step' : undefined}
    >
      <span
        className={cn(
          'flex size-6 items-center justify-center rounded-full border text-xs',
          step === n ? 'border-primary bg-primary text-primary-foreground' : 'border-border',
        )}
      >
        {n}
      </span>
      {label}
    </li>
  );
  return (
    <ol className="flex items-center gap-6 text-sm" aria-label={t('steps')}>
      {item(1, t('stepDetails'))}
      {item(2, t('stepPermissions'))}
    </ol>
  );
}

export function NewConnectorWizard({ tokenUrl }: { tokenUrl: string }) {
  const [step, setStep] = useState<1 | 2>(1);
  const [details, setDetails] = useState<Details>({ name: '', description: '', redirectUrl: '' });
  const [permissions, setPermissions] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string; secret: string } | null>(null);
  const [pending, start] = useTransition();
  // keyboard and screen reader users land on the new step's heading, or on the first field in error
  const headingRef = useFocusOnChange(step);
  const contentRef = useFocusFirstInvalid<HTMLDivElement>(errors);
  const t = useTranslations('connectors.wizard');
  const tc = useTranslations('common');
  const tp = useTranslations('connectors.permissions');

  if (created) return <ConnectorCreated {...created} tokenUrl={tokenUrl} />;

  const onContinue = (form: FormData) => {
    const next = {
      name: String(form.get('name') ?? ''),
      description: String(form.get('description') ?? ''),
      redirectUrl: String(form.get('redirectUrl') ?? ''),
    };
    setDetails(next);
    // validated by the server (its field errors, in the user's language): no schema library in the browser
    start(async () => {
      setFormError(null);
      const res = await checkConnectorDetailsAction(next);
      if (res.ok) {
        setErrors({});
        setStep(2);
        return;
      }
      setErrors(res.fieldErrors ?? {});
      if (!res.fieldErrors) setFormError(res.message);
    });
  };

  const onCreate = () =>
    start(async () => {
      setFormError(null);
      const res = await createConnectorAction({ ...details, permissions: permissions as never });
      if (res.ok) {
        setCreated(res.data);
        return;
      }
      setErrors(res.fieldErrors ?? {});
      if (res.fieldErrors && ['name', 'description', 'redirectUrl'].some((k) => res.fieldErrors?.[k])) setStep(1);
      else if (!res.fieldErrors) setFormError(res.message);
    });

  return (
    <Card>
      <CardHeader className="gap-4">
        <Steps step={step} />
        <div className="grid gap-1.5">
          <CardTitle ref={headingRef} tabIndex={-1} className="outline-none">
            {step === 1 ? t('detailsTitle') : t('permissionsTitle')}
          </CardTitle>
          <CardDescription>{step === 1 ? t('detailsText') : t('permissionsText')}</CardDescription>
        </div>
      </CardHeader>
      <CardContent ref={contentRef}>
        {formError && (
          <Alert variant="error" className="mb-4">
            {formError}
          </Alert>
        )}
        {step === 1 ? (
          <form method="post" onSubmit={submitWith(onContinue)} className="grid gap-5" noValidate>
            <Field id="name" label={t('nameLabel')} errors={errors.name}>
              {(aria) => <Input {...aria} name="name" defaultValue={details.name} maxLength={80} autoFocus placeholder={t('namePlaceholder')} />}
            </Field>
            <Field id="description" label={t('descriptionLabel')} errors={errors.description}>
              {(aria) => (
                <textarea
                  {...aria}
                  name="description"
                  defaultValue={details.description}
                  maxLength={300}
                  rows={3}
                  className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-[invalid=true]:border-destructive"
                />
              )}
            </Field>
            <Field id="redirectUrl" label={t('redirectLabel')} hint={t('redirectHint')} errors={errors.redirectUrl}>
              {(aria) => (
                <Input {...aria} name="redirectUrl" type="url" defaultValue={details.redirectUrl} placeholder="https://app.example.com/oauth/callback" />
              )}
            </Field>
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>
                {t('continue')}
                <ArrowRight aria-hidden />
              </Button>
              <Link href="/connectors" className={buttonVariants({ variant: 'ghost' })}>
                {tc('cancel')}
              </Link>
            </div>
          </form>
        ) : (
          <div className="grid gap-5">
            <fieldset className="grid gap-2" aria-describedby={errors.permissions ? 'permissions-error' : undefined}>
              <legend className="sr-only">{t('permissionsTitle')}</legend>
              {CONNECTOR_PERMISSIONS.map((p) => {
                const checked = permissions.includes(p.key);
                return (
                  <label
                    key={p.key}
                    className={cn(
                      'flex cursor-pointer items-start gap-3 rounded-lg border p-3 hover:bg-muted/40',
                      checked ? 'border-primary bg-primary/5' : 'border-border',
                    )}
                  >
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-[var(--color-primary)]"
                      checked={checked}
                      onChange={(e) => setPermissions((list) => (e.target.checked ? [...list, p.key] : list.filter((k) => k !== p.key)))}
                      aria-describedby={`perm-${p.key}`}
                      aria-invalid={errors.permissions ? true : undefined}
                    />
                    <span className="grid gap-0.5">
                      <span className="text-sm font-medium">{tp(`${p.key}.label`)}</span>
                      <span id={`perm-${p.key}`} className="text-xs text-muted-foreground">
                        {tp(`${p.key}.description`)}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
            <p id="permissions-error" aria-live="polite" className="text-sm text-destructive empty:hidden">
              {errors.permissions?.[0]}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="outline" onClick={() => setStep(1)}>
                <ArrowLeft aria-hidden />
                {tc('back')}
              </Button>
              <Button type="button" onClick={onCreate} disabled={pending}>
                {pending ? t('creating') : t('create')}
              </Button>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function ConnectorCreated({ id, name, secret, tokenUrl }: { id: string; name: string; secret: string; tokenUrl: string }) {
  const headingRef = useFocusOnChange(id, { onMount: true });
  const t = useTranslations('connectors.created');
  const curl = `curl -s ${tokenUrl} \\
  -H "applicationId: ${id}" \\
  -H "applicationSecret: ${secret}" \\
  -H "refreshToken: <${t('curlPlaceholder')}>"`;
  return (
    <Card>
      <CardHeader>
        <div className="mb-1 flex size-10 items-center justify-center rounded-lg bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300">
          <KeyRound aria-hidden className="size-5" />
        </div>
        <CardTitle ref={headingRef} tabIndex={-1} className="outline-none">
          {t('title', { name })}
        </CardTitle>
        <CardDescription>{t('text')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <SecretLine label={t('connectorId')} value={id} testId="created-connector-id" />
        <SecretLine label={t('connectorSecret')} value={secret} testId="created-connector-secret" />
        <div className="grid gap-2">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-medium">{t('accessToken')}</h3>
            <CopyButton value={curl} what={t('curl')} />
          </div>
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
            <code>{curl}</code>
          </pre>
          <p className="text-xs text-muted-foreground">{t('next')}</p>
        </div>
        <div className="flex gap-2">
          <Link href={`/connectors/${id}`} className={buttonVariants()}>
            {t('open')}
          </Link>
          <Link href="/connectors" className={buttonVariants({ variant: 'outline' })}>
            {t('back')}
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}

function SecretLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="grid gap-1.5">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm">
          {value}
        </code>
        <CopyButton value={value} what={label} />
      </div>
    </div>
  );
}
