'use client';
import { submitWith } from '@/lib/forms';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
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
  if (status === 'inactive') {
    return (
      <>
        <p className="text-sm">
          This connector is <strong>inactive</strong>.
        </p>
        <Button disabled={pending} onClick={() => run(() => setConnectorStatusAction({ id: connectorId, status: 'active' }), `${name} is active again.`)}>
          Activate
        </Button>
      </>
    );
  }
  return (
    <>
      <p className="text-sm">
        This connector is <strong>active</strong>.
      </p>
      <ConfirmDialog
        title={`Deactivate ${name}?`}
        description="It can no longer be added to new groups. Groups that already have it keep working."
        confirmLabel="Deactivate"
        pending={pending}
        onConfirm={() => run(() => setConnectorStatusAction({ id: connectorId, status: 'inactive' }), `${name} is deactivated.`)}
        trigger={(open) => (
          <Button variant="outline" onClick={open} disabled={pending}>
            Deactivate
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
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle className="text-destructive">Delete connector</CardTitle>
        <CardDescription>
          Deleting stops everything at once: its secrets, its grants to {groups} group{groups === 1 ? '' : 's'} and every token made from them. This cannot be
          undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" onClick={() => setOpen(true)}>
          <Trash2 aria-hidden />
          Delete connector
        </Button>
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={`Delete ${name}?`}
          description={
            <>
              Type <strong className="font-mono text-foreground">{name}</strong> to confirm.
            </>
          }
        >
          <form
            className="mt-4 grid gap-4"
            noValidate
            method="post"
            onSubmit={submitWith(() =>
              run(
                () => deleteConnectorAction({ id: connectorId, confirmName: typed }),
                `${name} was deleted.`,
                (res) => {
                  if (res.ok) router.push('/connectors');
                  else setErrors(res.fieldErrors?.confirmName);
                },
              ),
            )}
          >
            <Field id="confirm-name" label="Connector name" errors={errors}>
              {(aria) => <Input {...aria} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== name}>
                {pending ? 'Deleting…' : 'Delete forever'}
              </Button>
            </div>
          </form>
        </Dialog>
      </CardContent>
    </Card>
  );
}
