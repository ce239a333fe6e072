'use client';
import { Play } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { tryItAction } from '@/lib/connections/actions';
import type { InvokeResult } from '@/lib/connections/schemas';
import { submitWith } from '@/lib/forms';
import { useRouter } from 'next/navigation';
import { Select, type Errors } from './form-bits';

/** Try it: one call through the connection, showing the provider's status and body. */
export function TryIt({ id, sampleUrl }: { id: string; sampleUrl: string }) {
  const router = useRouter();
  const t = useTranslations('connections.tryIt');
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<InvokeResult | null>(null);
  const [method, setMethod] = useState('GET');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-4">
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            start(async () => {
              const res = await tryItAction({ id, method: method as 'GET', url: String(form.get('url') ?? ''), body: String(form.get('body') ?? '') });
              setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
              setFailure(res.ok || res.fieldErrors ? null : res.message);
              setResult(res.ok ? res.data : null);
              router.refresh();
            }),
          )}
        >
          <div className="grid items-start gap-4 sm:grid-cols-[8rem_1fr]">
            <Field id="try-method" label={t('method')} errors={errors.method}>
              {(aria) => (
                <Select {...aria} value={method} onChange={(e) => setMethod(e.target.value)}>
                  {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="try-url" label={t('url')} errors={errors.url}>
              {(aria) => <Input {...aria} name="url" defaultValue={sampleUrl} className="font-mono text-xs" />}
            </Field>
          </div>
          {method !== 'GET' && (
            <Field id="try-body" label={t('body')} errors={errors.body}>
              {(aria) => <Textarea {...aria} name="body" rows={4} className="font-mono text-xs" />}
            </Field>
          )}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              <Play aria-hidden />
              {pending ? t('calling') : t('send')}
            </Button>
          </div>
        </form>
        {failure && <Alert variant="error">{failure}</Alert>}
        {result && (
          <section aria-label={t('response')} className="grid min-w-0 gap-2">
            <p className="text-sm">
              {t('status')} <strong data-testid="try-status">{result.status}</strong>
              {result.headers['content-type'] ? <span className="text-muted-foreground"> · {result.headers['content-type']}</span> : null}
            </p>
            <pre data-testid="try-body" className="max-h-96 overflow-auto rounded-lg bg-muted p-4 text-xs">
              {result.bodyEncoding === 'json' ? JSON.stringify(result.body, null, 2) : String(result.body ?? '')}
            </pre>
          </section>
        )}
      </CardContent>
    </Card>
  );
}
