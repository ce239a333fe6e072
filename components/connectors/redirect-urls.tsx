'use client';
import { submitWith } from '@/lib/forms';
import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { addRedirectUrlAction, removeRedirectUrlAction } from '@/lib/connectors/actions';

export function RedirectUrls({ connectorId, urls, canManage }: { connectorId: string; urls: string[]; canManage: boolean }) {
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<string[] | undefined>();
  const [formKey, setFormKey] = useState(0);
  const t = useTranslations('connectors.redirects');
  const tc = useTranslations('common');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {urls.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        ) : (
          <ul className="divide-y divide-border" aria-label={t('title')}>
            {urls.map((u) => (
              <li key={u} className="flex items-center gap-2 py-2" aria-label={u}>
                <code className="min-w-0 flex-1 break-all font-mono text-xs">{u}</code>
                {canManage && (
                  <ConfirmDialog
                    title={t('removeTitle')}
                    description={<code className="break-all font-mono text-xs">{u}</code>}
                    confirmLabel={t('removeConfirm')}
                    pending={pending}
                    onConfirm={() => run(() => removeRedirectUrlAction({ id: connectorId, url: u }), t('removed'))}
                    trigger={removeTrigger(t('removeAria', { url: u }))}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <form
            key={formKey}
            className="grid gap-2"
            noValidate
            method="post"
            onSubmit={submitWith((form) =>
              run(
                () => addRedirectUrlAction({ id: connectorId, url: String(form.get('url') ?? '') }),
                t('added'),
                (res) => {
                  setErrors(res.ok ? undefined : (res.fieldErrors?.url ?? undefined));
                  if (res.ok) setFormKey((k) => k + 1);
                },
              ),
            )}
          >
            <Field id="redirect-url" label={t('addLabel')} errors={errors}>
              {(aria) => (
                <div className="flex gap-2">
                  <Input {...aria} name="url" type="url" placeholder="https://app.example.com/oauth/callback" />
                  <Button type="submit" variant="outline" disabled={pending}>
                    <Plus aria-hidden />
                    {tc('add')}
                  </Button>
                </div>
              )}
            </Field>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
