'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { submitWith } from '@/lib/forms';
import { oauthApproveAction, oauthSendPinAction } from '@/lib/grants/oauth-actions';

type Errors = Record<string, string[] | undefined>;

export function AuthorizeForm({ clientId, redirectUri, state }: { clientId: string; redirectUri: string; state?: string }) {
  const [phone, setPhone] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const t = useTranslations('oauth.form');
  const base = { clientId, redirectUri, state };
  const fail = (res: { message: string; fieldErrors?: Errors }) => {
    setErrors(res.fieldErrors ?? {});
    setMessage(res.fieldErrors ? null : res.message);
  };
  return (
    <div className="grid gap-4">
      {message && (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      )}
      {!phone ? (
        <form
          method="post"
          noValidate
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            start(async () => {
              const res = await oauthSendPinAction({ ...base, phone: String(form.get('phone') ?? '') });
              if (res.ok) {
                setPhone(res.data.e164);
                setErrors({});
                setMessage(null);
              } else fail(res);
            }),
          )}
        >
          <Field id="oauth-phone" label={t('phoneLabel')} hint={t('phoneHint')} errors={errors.phone}>
            {(aria) => <Input {...aria} name="phone" type="tel" autoComplete="tel" autoFocus />}
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t('sending') : t('sendPin')}
          </Button>
        </form>
      ) : (
        <form
          method="post"
          noValidate
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            start(async () => {
              const res = await oauthApproveAction({ ...base, phone, code: String(form.get('code') ?? '') });
              if (res.ok) window.location.assign(res.data.redirectTo);
              else fail(res);
            }),
          )}
        >
          <p className="text-sm text-muted-foreground">
            {t.rich('texted', { phone, strong: (chunks) => <strong className="font-mono text-foreground">{chunks}</strong> })}
          </p>
          <Field id="oauth-code" label={t('pinLabel')} errors={errors.code ?? errors.phone}>
            {(aria) => (
              <Input
                {...aria}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                className="max-w-40 font-mono tracking-[0.3em]"
              />
            )}
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t('signingIn') : t('approve')}
          </Button>
        </form>
      )}
    </div>
  );
}
