'use client';
import { RefreshCw, Trash2, Unplug } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteConnectionAction, deleteServiceAction, reconnectAction, revokeConnectionAction } from '@/lib/connections/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';

/** Reconnect (in place), Revoke and Delete, each behind a confirmation. */
export function ConnectionControls({ id, name, status, oauth }: { id: string; name: string; status: string; oauth: boolean }) {
  const router = useRouter();
  const t = useTranslations('connections.controls');
  const { pending, run } = useActionRunner();
  const [connecting, start] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      {oauth && (
        <ConfirmDialog
          title={t('reconnectTitle', { name })}
          description={t('reconnectText')}
          confirmLabel={t('reconnect')}
          pending={connecting}
          onConfirm={() =>
            start(async () => {
              const res = await reconnectAction({ id });
              if (!res.ok) toast.error(res.message);
              else if (res.data.kind === 'redirect') window.location.assign(res.data.url);
            })
          }
          trigger={(open) => (
            <Button variant={status === 'connected' ? 'outline' : 'default'} onClick={open} disabled={connecting}>
              <RefreshCw aria-hidden />
              {t('reconnect')}
            </Button>
          )}
        />
      )}
      {status !== 'revoked' && (
        <ConfirmDialog
          title={t('revokeTitle', { name })}
          description={t('revokeText')}
          confirmLabel={t('revoke')}
          pending={pending}
          onConfirm={() => run(() => revokeConnectionAction({ id }), t('revoked', { name }))}
          trigger={(open) => (
            <Button variant="outline" onClick={open} disabled={pending}>
              <Unplug aria-hidden />
              {t('revoke')}
            </Button>
          )}
        />
      )}
      <ConfirmDialog
        title={t('deleteTitle', { name })}
        description={t('deleteText')}
        confirmLabel={t('deleteConfirm')}
        pending={pending}
        onConfirm={() =>
          run(
            () => deleteConnectionAction({ id }),
            t('deleted', { name }),
            (res) => res.ok && router.push('/connections'),
          )
        }
        trigger={(open) => (
          <Button variant="destructive" onClick={open} disabled={pending}>
            <Trash2 aria-hidden />
            {t('delete')}
          </Button>
        )}
      />
    </div>
  );
}

export function DeleteService({ id, name, connections }: { id: string; name: string; connections: number }) {
  const router = useRouter();
  const t = useTranslations('connections.deleteService');
  const { pending, run } = useActionRunner();
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle className="text-destructive">{t('title')}</CardTitle>
        <CardDescription>{t('description', { count: connections })}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmDialog
          title={t('confirmTitle', { name })}
          description={t('confirmText', { count: connections })}
          confirmLabel={t('confirm')}
          pending={pending}
          onConfirm={() =>
            run(
              () => deleteServiceAction({ id }),
              t('done', { name }),
              (res) => res.ok && router.push('/connections'),
            )
          }
          trigger={(open) => (
            <Button variant="destructive" onClick={open} disabled={pending}>
              <Trash2 aria-hidden />
              {t('confirm')}
            </Button>
          )}
        />
      </CardContent>
    </Card>
  );
}
