'use client';
import { submitWith } from '@/lib/forms';
import { MessageSquareText } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { generatePin, verifyPinCode } from '@/lib/phone/actions';

type FieldErrors = Record<string, string[] | undefined>;

/** "Add a Phone Number" → number → "Generate PIN" → code → "Verify PIN" (kaizala-connectors.md §2.1). */
export function AddPhoneNumberForm({
  initialPhone,
  canCancel,
  onCancel,
  onVerified,
}: {
  initialPhone?: string;
  canCancel: boolean;
  onCancel: () => void;
  onVerified: (display: string) => void;
}) {
  const [sentTo, setSentTo] = useState<{ e164: string; display: string } | null>(null);
  const [sentAt, setSentAt] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const t = useTranslations('phone.add');
  const tc = useTranslations('common');

  const sendPin = (target: string) =>
    start(async () => {
      setErrors({});
      setFormError(null);
      const res = await generatePin({ phone: target });
      if (res.ok) {
        setSentTo({ e164: res.data.e164, display: res.data.display });
        setSentAt(Date.now()); // a fresh, empty PIN field for every PIN sent
        toast.success(t('sent', { phone: res.data.display }));
      } else {
        setErrors(res.fieldErrors ?? {});
        if (!res.fieldErrors) setFormError(res.message);
      }
    });

  // Uncontrolled inputs + form actions: what the person typed is read from the form when it is sent.
  const onGenerate = (form: FormData) => sendPin(String(form.get('phone') ?? ''));

  const onVerify = (form: FormData) => {
    if (!sentTo) return;
    start(async () => {
      setErrors({});
      setFormError(null);
      const res = await verifyPinCode({ phone: sentTo.e164, code: String(form.get('code') ?? '') });
      if (res.ok) onVerified(res.data.display);
      else {
        setErrors(res.fieldErrors ?? {});
        if (!res.fieldErrors) setFormError(res.message);
      }
    });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{sentTo ? t('enterPin') : t('title')}</CardTitle>
        <CardDescription>
          {sentTo
            ? t.rich('texted', { phone: sentTo.display, strong: (chunks) => <strong className="font-mono text-foreground">{chunks}</strong> })
            : t('intro')}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {formError && (
          <p role="alert" className="mb-4 text-sm text-destructive">
            {formError}
          </p>
        )}
        {!sentTo ? (
          <form method="post" onSubmit={submitWith(onGenerate)} className="grid gap-4" noValidate>
            <Field id="phone" label={t('phoneLabel')} hint={t('phoneHint')} errors={errors.phone}>
              {(aria) => (
                <Input
                  {...aria}
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                  inputMode="tel"
                  placeholder="+1 425 555 0101"
                  defaultValue={initialPhone}
                  autoFocus
                />
              )}
            </Field>
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>
                <MessageSquareText aria-hidden />
                {pending ? t('sending') : t('generate')}
              </Button>
              {canCancel && (
                <Button type="button" variant="ghost" onClick={onCancel}>
                  {tc('cancel')}
                </Button>
              )}
            </div>
          </form>
        ) : (
          <form key={sentTo.e164 + sentAt} method="post" onSubmit={submitWith(onVerify)} className="grid gap-4" noValidate>
            <Field id="code" label={t('pinLabel')} errors={errors.code ?? errors.phone}>
              {(aria) => (
                <Input
                  {...aria}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder={t('pinPlaceholder')}
                  className="max-w-40 font-mono tracking-[0.3em]"
                  onChange={(e) => {
                    e.currentTarget.value = e.currentTarget.value.replace(/\s/g, '');
                  }}
                  autoFocus
                />
              )}
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={pending}>
                {pending ? t('checking') : t('verify')}
              </Button>
              <Button type="button" variant="outline" disabled={pending} onClick={() => sendPin(sentTo.e164)}>
                {t('resend')}
              </Button>
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setSentTo(null);
                  setErrors({});
                  setFormError(null);
                }}
              >
                {t('differentNumber')}
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
