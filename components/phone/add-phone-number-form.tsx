'use client';
import { submitWith } from '@/lib/forms';
import { MessageSquareText } from 'lucide-react';
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

  const sendPin = (target: string) =>
    start(async () => {
      setErrors({});
      setFormError(null);
      const res = await generatePin({ phone: target });
      if (res.ok) {
        setSentTo({ e164: res.data.e164, display: res.data.display });
        setSentAt(Date.now()); // a fresh, empty PIN field for every PIN sent
        toast.success(`PIN sent to ${res.data.display}`);
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
        <CardTitle>{sentTo ? 'Enter the PIN' : 'Add a Phone Number'}</CardTitle>
        <CardDescription>
          {sentTo ? (
            <>
              We texted a 6-digit PIN to <strong className="font-mono text-foreground">{sentTo.display}</strong>. It is valid for 10 minutes.
            </>
          ) : (
            'Enter your number in international format. We will text you a PIN to confirm it.'
          )}
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
            <Field id="phone" label="Phone number" hint="Start with + and your country code, e.g. +1 425 555 0101." errors={errors.phone}>
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
                {pending ? 'Sending…' : 'Generate PIN'}
              </Button>
              {canCancel && (
                <Button type="button" variant="ghost" onClick={onCancel}>
                  Cancel
                </Button>
              )}
            </div>
          </form>
        ) : (
          <form key={sentTo.e164 + sentAt} method="post" onSubmit={submitWith(onVerify)} className="grid gap-4" noValidate>
            <Field id="code" label="PIN" errors={errors.code ?? errors.phone}>
              {(aria) => (
                <Input
                  {...aria}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder="6 digits"
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
                {pending ? 'Checking…' : 'Verify PIN'}
              </Button>
              <Button type="button" variant="outline" disabled={pending} onClick={() => sendPin(sentTo.e164)}>
                Resend PIN
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
                Use a different number
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
