'use client';
import { useRouter } from 'next/navigation';
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
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  const [authType, setAuthType] = useState('oauth2');
  const oauth = authType === 'oauth2';
  const urlHint = allowHttp ? 'https:// (http:// is allowed on this development server)' : 'https://';
  return (
    <Card>
      <CardHeader>
        <CardTitle>Custom Service</CardTitle>
        <CardDescription>Any OAuth 2.0 provider (or an API that takes a key or Basic credentials).</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            run(
              () => createServiceAction(formValues(form)),
              'The service was added.',
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) router.push(`/connections/services/${res.data.id}`);
              },
            ),
          )}
        >
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field id="name" label="Service name" errors={errors.name}>
              {(aria) => <Input {...aria} name="name" maxLength={80} />}
            </Field>
            <Field id="authType" label="Authentication type" errors={errors.authType}>
              {(aria) => (
                <Select {...aria} name="authType" value={authType} onChange={(e) => setAuthType(e.target.value)}>
                  <option value="oauth2">OAuth 2</option>
                  <option value="api_key">API key</option>
                  <option value="basic">Basic</option>
                </Select>
              )}
            </Field>
          </div>
          {oauth && (
            <>
              <RedirectUrlBox url={redirectUrl} />
              <div className="grid items-start gap-4 sm:grid-cols-2">
                <Field id="clientId" label="Client ID" errors={errors.clientId}>
                  {(aria) => <Input {...aria} name="clientId" autoComplete="off" />}
                </Field>
                <Field id="clientSecret" label="Client secret" errors={errors.clientSecret} hint="Stored encrypted; never shown again.">
                  {(aria) => <Input {...aria} name="clientSecret" type="password" autoComplete="new-password" />}
                </Field>
                <Field id="authorizationUrl" label="Authorization URL" errors={errors.authorizationUrl} hint={urlHint}>
                  {(aria) => <Input {...aria} name="authorizationUrl" type="url" />}
                </Field>
                <Field id="tokenUrl" label="Access-token URL" errors={errors.tokenUrl}>
                  {(aria) => <Input {...aria} name="tokenUrl" type="url" />}
                </Field>
                <Field id="refreshUrl" label="Refresh-token URL (optional)" errors={errors.refreshUrl} hint="Empty: the access-token URL.">
                  {(aria) => <Input {...aria} name="refreshUrl" type="url" />}
                </Field>
                <Field id="revocationUrl" label="Revocation URL (optional)" errors={errors.revocationUrl}>
                  {(aria) => <Input {...aria} name="revocationUrl" type="url" />}
                </Field>
                <Field id="scopes" label="Scopes" errors={errors.scopes} hint="Separated by spaces or commas.">
                  {(aria) => <Input {...aria} name="scopes" />}
                </Field>
                <Field id="scopeDelimiter" label="Scope delimiter" errors={errors.scopeDelimiter} hint="How the provider wants them joined.">
                  {(aria) => (
                    <Select {...aria} name="scopeDelimiter" defaultValue="space">
                      <option value="space">Space</option>
                      <option value="comma">Comma</option>
                      <option value="plus">Plus</option>
                    </Select>
                  )}
                </Field>
                <Field
                  id="extraAuthParams"
                  label="Extra authorization parameters"
                  errors={errors.extraAuthParams}
                  hint="One key=value a line, e.g. access_type=offline."
                >
                  {(aria) => <Textarea {...aria} name="extraAuthParams" rows={2} className="font-mono text-xs" />}
                </Field>
                <Field id="tokenAuthMethod" label="Client authentication at the token URL" errors={errors.tokenAuthMethod}>
                  {(aria) => (
                    <Select {...aria} name="tokenAuthMethod" defaultValue="body">
                      <option value="body">In the request body (client_secret_post)</option>
                      <option value="basic">HTTP Basic (client_secret_basic)</option>
                    </Select>
                  )}
                </Field>
              </div>
            </>
          )}
          {authType === 'api_key' && (
            <Field
              id="apiKeyHeader"
              label="Header the key goes in"
              errors={errors.apiKeyHeader}
              hint="Default X-API-Key. The key itself is entered per connection."
            >
              {(aria) => <Input {...aria} name="apiKeyHeader" placeholder="X-API-Key" />}
            </Field>
          )}
          <Field
            id="allowedBaseUrls"
            label="Allowed API base URLs"
            errors={errors.allowedBaseUrls}
            hint="One a line. Calls through this service may only go under these."
          >
            {(aria) => <Textarea {...aria} name="allowedBaseUrls" rows={2} className="font-mono text-xs" placeholder="https://api.example.com/v1/" />}
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save service'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
