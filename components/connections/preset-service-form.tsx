'use client';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { createServiceAction } from '@/lib/connections/actions';
import type { ServicePreset } from '@/lib/connections/schemas';
import { submitWith } from '@/lib/forms';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { formValues, RedirectUrlBox, type Errors } from './form-bits';

/** A preset only asks for what the provider gave you: client ID and secret (plus scopes and, where per account, the API base). */
export function PresetServiceForm({ preset, redirectUrl }: { preset: ServicePreset; redirectUrl: string }) {
  const router = useRouter();
  const t = useTranslations('connections');
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  return (
    <Card>
      <CardHeader>
        <CardTitle>{preset.name}</CardTitle>
        <CardDescription>{t('setup.presetDescription', { hint: preset.consoleHint })}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            run(
              () => createServiceAction(formValues(form)),
              t('setup.presetAdded', { name: preset.name }),
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) router.push(`/connections/services/${res.data.id}`);
              },
            ),
          )}
        >
          <input type="hidden" name="preset" value={preset.key} />
          <RedirectUrlBox url={redirectUrl} />
          <Field id="name" label={t('fields.name')} errors={errors.name}>
            {(aria) => <Input {...aria} name="name" defaultValue={preset.name} maxLength={80} />}
          </Field>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field id="clientId" label={t('fields.clientId')} errors={errors.clientId}>
              {(aria) => <Input {...aria} name="clientId" autoComplete="off" />}
            </Field>
            <Field id="clientSecret" label={t('fields.clientSecret')} errors={errors.clientSecret} hint={t('fields.clientSecretHint')}>
              {(aria) => <Input {...aria} name="clientSecret" type="password" autoComplete="new-password" />}
            </Field>
          </div>
          <Field
            id="scopes"
            label={t('fields.defaultScopes')}
            errors={errors.scopes}
            hint={t('fields.defaultScopesHint', { delimiter: preset.scopeDelimiter === ',' ? 'comma' : 'space' })}
          >
            {(aria) => <Input {...aria} name="scopes" defaultValue={preset.defaultScopes.join(' ')} />}
          </Field>
          <Field id="allowedBaseUrls" label={t('fields.allowedBaseUrls')} errors={errors.allowedBaseUrls} hint={t('fields.allowedBaseUrlsHint')}>
            {(aria) => <Textarea {...aria} name="allowedBaseUrls" rows={2} defaultValue={preset.allowedBaseUrls.join('\n')} className="font-mono text-xs" />}
          </Field>
          <dl className="grid gap-1 text-xs text-muted-foreground">
            <div>
              <dt className="inline font-medium">{t('setup.presetUrlLabel', { label: t('fields.authorizationUrl') })}</dt>
              <dd className="inline break-all font-mono">{preset.authorizationUrl}</dd>
            </div>
            <div>
              <dt className="inline font-medium">{t('setup.presetUrlLabel', { label: t('fields.tokenUrl') })}</dt>
              <dd className="inline break-all font-mono">{preset.tokenUrl}</dd>
            </div>
          </dl>
          {Object.keys(errors).length > 0 && !errors.name && !errors.clientId && !errors.clientSecret && !errors.scopes && !errors.allowedBaseUrls && (
            <Alert variant="error">{Object.values(errors).flat()[0]}</Alert>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Link href="/connections/new" className={buttonVariants({ variant: 'outline' })}>
              {t('setup.back')}
            </Link>
            <Button type="submit" disabled={pending}>
              {pending ? t('setup.saving') : t('setup.save')}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
