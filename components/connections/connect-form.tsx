'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { startConnectAction } from '@/lib/connections/actions';
import { submitWith } from '@/lib/forms';
import { useRouter } from 'next/navigation';
import type { Errors } from './form-bits';

/** Create and Connect: connection name, link name and scopes, then off to the provider's consent page. */
export function ConnectForm({ serviceId, authType, defaultScopes }: { serviceId: string; authType: 'oauth2' | 'api_key' | 'basic'; defaultScopes: string[] }) {
  const router = useRouter();
  const t = useTranslations('connections.connect');
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [linkName, setLinkName] = useState('');
  const [touched, setTouched] = useState(false);
  const suggest = (name: string) =>
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 50);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{authType === 'oauth2' ? t('oauthDescription') : t('staticDescription')}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            start(async () => {
              const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
              const res = await startConnectAction({ ...values, serviceId } as never);
              if (!res.ok) {
                setErrors(res.fieldErrors ?? {});
                if (!res.fieldErrors) toast.error(res.message);
                return;
              }
              setErrors({});
              if (res.data.kind === 'redirect') window.location.assign(res.data.url);
              else router.push(`/connections/${res.data.id}?connected=1`);
            }),
          )}
        >
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field id="connection-name" label={t('name')} errors={errors.name}>
              {(aria) => (
                <Input
                  {...aria}
                  name="name"
                  maxLength={80}
                  onChange={(e) => {
                    if (!touched) setLinkName(suggest(e.target.value));
                  }}
                />
              )}
            </Field>
            <Field id="link-name" label={t('linkName')} errors={errors.linkName} hint={t('linkNameHint')}>
              {(aria) => (
                <Input
                  {...aria}
                  name="linkName"
                  value={linkName}
                  maxLength={50}
                  className="font-mono"
                  onChange={(e) => {
                    setTouched(true);
                    setLinkName(e.target.value);
                  }}
                />
              )}
            </Field>
          </div>
          {authType === 'oauth2' && (
            <Field id="connection-scopes" label={t('scopes')} errors={errors.scopes} hint={t('scopesHint')}>
              {(aria) => <Input {...aria} name="scopes" defaultValue={defaultScopes.join(' ')} className="font-mono text-xs" />}
            </Field>
          )}
          {authType === 'api_key' && (
            <Field id="api-key" label={t('apiKey')} errors={errors.apiKey}>
              {(aria) => <Input {...aria} name="apiKey" type="password" autoComplete="off" />}
            </Field>
          )}
          {authType === 'basic' && (
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <Field id="username" label={t('username')} errors={errors.username}>
                {(aria) => <Input {...aria} name="username" autoComplete="off" />}
              </Field>
              <Field id="password" label={t('password')} errors={errors.password}>
                {(aria) => <Input {...aria} name="password" type="password" autoComplete="new-password" />}
              </Field>
            </div>
          )}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? t('connecting') : t('submit')}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
