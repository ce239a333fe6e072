'use client';
import { submitWith } from '@/lib/forms';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { deleteConnectorAction, setConnectorStatusAction } from '@/lib/connectors/actions';

export function StatusControl({ connectorId, status, name }: { connectorId: string; status: 'active' | 'inactive'; name: string }) {
  const { pending, run } = useActionRunner();
  const t = useTranslations('connectors.lifecycle');
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  if (status === 'inactive') {
    return (
      <>
        <p className="text-sm">{t.rich('isInactive', { strong })}</p>
        <Button disabled={pending} onClick={() => run(() => setConnectorStatusAction({ id: connectorId, status: 'active' }), t('activated', { name }))}>
          {t('activate')}
        </Button>
      </>
    );
  }
  return (
    <>
      <p className="text-sm">{t.rich('isActive', { strong })}</p>
      <ConfirmDialog
        title={t('deactivateTitle', { name })}
        description={t('deactivateText')}
        confirmLabel={t('deactivate')}
        pending={pending}
        onConfirm={() => run(() => setConnectorStatusAction({ id: connectorId, status: 'inactive' }), t('deactivated', { name }))}
        trigger={(open) => (
          <Button variant="outline" onClick={open} disabled={pending}>
            {t('deactivate')}
          </Button>
        )}
      />
    </>
  );
}

export function DeleteConnector({ connectorId, name, groups }: { connectorId: string; name: string; groups: number }) {
  const router = useRouter();
  const { pending, run } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const t = useTranslations('connectors.lifecycle');
  const tc = useTranslations('common');
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle className="text-destructive">{t('deleteTitle')}</CardTitle>
        <CardDescription>{t('deleteText', { groups })}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" onClick={() => setOpen(true)}>
          <Trash2 aria-hidden />
          {t('deleteTitle')}
        </Button>
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={t('deleteDialogTitle', { name })}
          description={t.rich('typeToConfirm', { name, strong: (chunks) => <strong className="font-mono text-foreground">{chunks}</strong> })}
        >
          <form
            className="mt-4 grid gap-4"
            noValidate
            method="post"
            onSubmit={submitWith(() =>
              run(
                () => deleteConnectorAction({ id: connectorId, confirmName: typed }),
                t('deleted', { name }),
                (res) => {
                  if (res.ok) router.push('/connectors');
                  else setErrors(res.fieldErrors?.confirmName);
                },
              ),
            )}
          >
            <Field id="confirm-name" label={t('nameLabel')} errors={errors}>
              {(aria) => <Input {...aria} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc('cancel')}
              </Button>
              <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== name}>
                {pending ? t('deleting') : t('deleteForever')}
              </Button>
            </div>
          </form>
        </Dialog>
      </CardContent>
    </Card>
  );
}
