'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { createServiceAction } from '@/lib/connections/actions';
import { submitWith } from '@/lib/forms';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { formValues, RedirectUrlBox, Select, type Errors } from './form-bits';

/** Custom Service: every field of Zoho's form, each with its own error. */
export function CustomServiceForm({ redirectUrl, allowHttp }: { redirectUrl: string; allowHttp: boolean }) {
  const router = useRouter();
  const t = useTranslations('connections');
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  const [authType, setAuthType] = useState('oauth2');
  const oauth = authType === 'oauth2';
  const urlHint = allowHttp ? t('setup.urlHintHttp') : 'https://';
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('setup.custom')}</CardTitle>
        <CardDescription>{t('setup.customDescription')}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            run(
              () => createServiceAction(formValues(form)),
              t('setup.added'),
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) router.push(`/connections/services/${res.data.id}`);
              },
            ),
          )}
        >
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field id="name" label={t('fields.name')} errors={errors.name}>
              {(aria) => <Input {...aria} name="name" maxLength={80} />}
            </Field>
            <Field id="authType" label={t('fields.authType')} errors={errors.authType}>
              {(aria) => (
                <Select {...aria} name="authType" value={authType} onChange={(e) => setAuthType(e.target.value)}>
                  <option value="oauth2">{t('authTypes.oauth2')}</option>
                  <option value="api_key">{t('authTypes.api_key')}</option>
                  <option value="basic">{t('authTypes.basic')}</option>
                </Select>
              )}
            </Field>
          </div>
          {oauth && (
            <>
              <RedirectUrlBox url={redirectUrl} />
              <div className="grid items-start gap-4 sm:grid-cols-2">
                <Field id="clientId" label={t('fields.clientId')} errors={errors.clientId}>
                  {(aria) => <Input {...aria} name="clientId" autoComplete="off" />}
                </Field>
                <Field id="clientSecret" label={t('fields.clientSecret')} errors={errors.clientSecret} hint={t('fields.clientSecretHint')}>
                  {(aria) => <Input {...aria} name="clientSecret" type="password" autoComplete="new-password" />}
                </Field>
                <Field id="authorizationUrl" label={t('fields.authorizationUrl')} errors={errors.authorizationUrl} hint={urlHint}>
                  {(aria) => <Input {...aria} name="authorizationUrl" type="url" />}
                </Field>
                <Field id="tokenUrl" label={t('fields.tokenUrl')} errors={errors.tokenUrl}>
                  {(aria) => <Input {...aria} name="tokenUrl" type="url" />}
                </Field>
                <Field id="refreshUrl" label={t('fields.refreshUrlOptional')} errors={errors.refreshUrl} hint={t('fields.refreshUrlHint')}>
                  {(aria) => <Input {...aria} name="refreshUrl" type="url" />}
                </Field>
                <Field id="revocationUrl" label={t('fields.revocationUrlOptional')} errors={errors.revocationUrl}>
                  {(aria) => <Input {...aria} name="revocationUrl" type="url" />}
                </Field>
                <Field id="scopes" label={t('fields.scopes')} errors={errors.scopes} hint={t('fields.scopesHint')}>
                  {(aria) => <Input {...aria} name="scopes" />}
                </Field>
                <Field id="scopeDelimiter" label={t('fields.scopeDelimiter')} errors={errors.scopeDelimiter} hint={t('fields.scopeDelimiterHint')}>
                  {(aria) => (
                    <Select {...aria} name="scopeDelimiter" defaultValue="space">
                      <option value="space">{t('fields.delimiters.space')}</option>
                      <option value="comma">{t('fields.delimiters.comma')}</option>
                      <option value="plus">{t('fields.delimiters.plus')}</option>
                    </Select>
                  )}
                </Field>
                <Field id="extraAuthParams" label={t('fields.extraAuthParams')} errors={errors.extraAuthParams} hint={t('fields.extraAuthParamsHint')}>
                  {(aria) => <Textarea {...aria} name="extraAuthParams" rows={2} className="font-mono text-xs" />}
                </Field>
                <Field id="tokenAuthMethod" label={t('fields.tokenAuthMethod')} errors={errors.tokenAuthMethod}>
                  {(aria) => (
                    <Select {...aria} name="tokenAuthMethod" defaultValue="body">
                      <option value="body">{t('fields.tokenAuthBody')}</option>
                      <option value="basic">{t('fields.tokenAuthBasic')}</option>
                    </Select>
                  )}
                </Field>
              </div>
            </>
          )}
          {authType === 'api_key' && (
            <Field id="apiKeyHeader" label={t('fields.apiKeyHeader')} errors={errors.apiKeyHeader} hint={t('fields.apiKeyHeaderHint')}>
              {(aria) => <Input {...aria} name="apiKeyHeader" placeholder="X-API-Key" />}
            </Field>
          )}
          <Field id="allowedBaseUrls" label={t('fields.allowedBaseUrls')} errors={errors.allowedBaseUrls} hint={t('fields.allowedBaseUrlsHint')}>
            {(aria) => <Textarea {...aria} name="allowedBaseUrls" rows={2} className="font-mono text-xs" placeholder="https://api.example.com/v1/" />}
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? t('setup.saving') : t('setup.save')}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
