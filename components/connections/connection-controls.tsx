'use client';
import { RefreshCw, Trash2, Unplug } from 'lucide-react';
import { useRouter } from 'next/navigation';
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
  const { pending, run } = useActionRunner();
  const [connecting, start] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      {oauth && (
        <ConfirmDialog
          title={`Reconnect ${name}?`}
          description="You will sign in at the provider again. The connection keeps its link name; calls use the new authorization as soon as you are back."
          confirmLabel="Reconnect"
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
              Reconnect
            </Button>
          )}
        />
      )}
      {status !== 'revoked' && (
        <ConfirmDialog
          title={`Revoke ${name}?`}
          description="Its tokens are revoked at the provider (when it has a revocation URL) and forgotten here. Calls through it fail until it is reconnected."
          confirmLabel="Revoke"
          pending={pending}
          onConfirm={() => run(() => revokeConnectionAction({ id }), `${name} was revoked.`)}
          trigger={(open) => (
            <Button variant="outline" onClick={open} disabled={pending}>
              <Unplug aria-hidden />
              Revoke
            </Button>
          )}
        />
      )}
      <ConfirmDialog
        title={`Delete ${name}?`}
        description="The connection is revoked and removed; its link name becomes free. Integrations calling it get 404."
        confirmLabel="Delete connection"
        pending={pending}
        onConfirm={() =>
          run(
            () => deleteConnectionAction({ id }),
            `${name} was deleted.`,
            (res) => res.ok && router.push('/connections'),
          )
        }
        trigger={(open) => (
          <Button variant="destructive" onClick={open} disabled={pending}>
            <Trash2 aria-hidden />
            Delete
          </Button>
        )}
      />
    </div>
  );
}

export function DeleteService({ id, name, connections }: { id: string; name: string; connections: number }) {
  const router = useRouter();
  const { pending, run } = useActionRunner();
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle className="text-destructive">Delete service</CardTitle>
        <CardDescription>
          Deletes the service and its {connections} connection{connections === 1 ? '' : 's'}. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmDialog
          title={`Delete ${name}?`}
          description={`Its ${connections} connection${connections === 1 ? '' : 's'} stop working at once.`}
          confirmLabel="Delete service"
          pending={pending}
          onConfirm={() =>
            run(
              () => deleteServiceAction({ id }),
              `${name} was deleted.`,
              (res) => res.ok && router.push('/connections'),
            )
          }
          trigger={(open) => (
            <Button variant="destructive" onClick={open} disabled={pending}>
              <Trash2 aria-hidden />
              Delete service
            </Button>
          )}
        />
      </CardContent>
    </Card>
  );
}
