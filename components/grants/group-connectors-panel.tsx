'use client';
import { submitWith } from '@/lib/forms';
import { Plug } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { GroupGrantDto } from '@/lib/grants';
import { addConnectorToGroupAction, regenerateGroupTokenAction, removeGroupGrantAction, revealGroupTokenAction } from '@/lib/grants/actions';
import { NewTokenNotice } from './token-reveal';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function GroupConnectorsPanel({
  groupId,
  groupName,
  granted,
  available,
}: {
  groupId: string;
  groupName: string;
  granted: GroupGrantDto[];
  available: { id: string; name: string }[];
}) {
  const { pending, run } = useActionRunner();
  const [fresh, setFresh] = useState<{ token: string; connectorName: string; regenerated?: boolean } | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<string[] | undefined>();

  const reveal = async (grantId: string) => {
    if (revealed[grantId]) return revealed[grantId];
    const res = await revealGroupTokenAction({ grantId });
    if (!res.ok) {
      toast.error(res.message);
      return null;
    }
    setRevealed((r) => ({ ...r, [grantId]: res.data.refreshToken }));
    return res.data.refreshToken;
  };

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Add a connector</CardTitle>
          <CardDescription>
            Active connectors of your organization. The connector then acts in {groupName} only, with the permissions its developer chose.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {available.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No connector can be added: every active connector of the organization is already here, or none exists yet.
            </p>
          ) : (
            <form
              noValidate
              className="flex flex-wrap items-end gap-3"
              method="post"
              onSubmit={submitWith((form) =>
                run(
                  () => addConnectorToGroupAction({ groupId, connectorId: String(form.get('connectorId') ?? '') }),
                  (d) => `${d.connectorName} was added to ${groupName}.`,
                  (res) => {
                    setErrors(res.ok ? undefined : (res.fieldErrors?.connectorId ?? undefined));
                    if (res.ok) {
                      setFresh({ token: res.data.refreshToken, connectorName: res.data.connectorName });
                      setRevealed({});
                    }
                  },
                ),
              )}
            >
              <Field id="connector-select" label="Connector" errors={errors}>
                {(aria) => (
                  <select {...aria} name="connectorId" className="h-9 min-w-64 rounded-md border border-border bg-background px-3 text-sm shadow-sm">
                    {available.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Button type="submit" disabled={pending} className="mb-0.5">
                {pending ? 'Adding…' : 'Add Connector'}
              </Button>
            </form>
          )}
          {fresh && (
            <NewTokenNotice
              token={fresh.token}
              title={fresh.regenerated ? `New refresh token for ${fresh.connectorName}` : `Refresh token for ${fresh.connectorName}`}
              note={`Hand this refresh token to the developer of ${fresh.connectorName}. With the connector’s ID and Secret it gets access tokens for ${groupName}. ${fresh.regenerated ? 'The previous token no longer works.' : 'You can show it again below.'}`}
            />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Connectors in this group</CardTitle>
        </CardHeader>
        <CardContent>
          {granted.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <Plug aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">No connectors yet</p>
              <p className="text-sm text-muted-foreground">Add one above and hand its refresh token to the developer.</p>
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label="Granted connectors">
              {granted.map((g) => {
                const value = revealed[g.grantId];
                return (
                  <li key={g.grantId} className="grid gap-2 py-4" aria-label={g.connectorName}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{g.connectorName}</span>
                      <Badge variant="success">Working</Badge>
                      {g.connectorStatus === 'inactive' && <Badge variant="muted">Connector deactivated</Badge>}
                      <span className="text-xs text-muted-foreground">
                        added {dateFormat.format(new Date(g.createdAt))}
                        {g.grantedBy ? ` by ${g.grantedBy}` : ''}
                      </span>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <code data-testid="group-token" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-xs">
                        {value ?? g.maskedToken ?? 'no live token'}
                      </code>
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() =>
                          value ? setRevealed((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== g.grantId))) : void reveal(g.grantId)
                        }
                      >
                        {value ? 'Hide' : 'Show'}
                      </Button>
                      <CopyButton getValue={() => reveal(g.grantId)} what="Refresh token" />
                      <ConfirmDialog
                        title={`Regenerate the token of ${g.connectorName}?`}
                        description="The current refresh token stops working at once. Hand the new one to the developer."
                        confirmLabel="Regenerate"
                        pending={pending}
                        onConfirm={() =>
                          run(
                            () => regenerateGroupTokenAction({ grantId: g.grantId }),
                            'New refresh token created; the previous one no longer works.',
                            (res) => {
                              if (res.ok) {
                                setFresh({ token: res.data.refreshToken, connectorName: g.connectorName, regenerated: true });
                                setRevealed({});
                              }
                            },
                          )
                        }
                        trigger={(open) => (
                          <Button size="sm" variant="outline" onClick={open}>
                            Regenerate
                          </Button>
                        )}
                      />
                      <ConfirmDialog
                        title={`Remove ${g.connectorName} from ${groupName}?`}
                        description={
                          g.connectorStatus === 'inactive'
                            ? 'Its tokens stop working at once. The connector is deactivated, so it cannot be added back until it is activated again.'
                            : 'Its tokens stop working at once.'
                        }
                        confirmLabel="Remove"
                        pending={pending}
                        onConfirm={() =>
                          run(
                            () => removeGroupGrantAction({ grantId: g.grantId }),
                            `${g.connectorName} was removed from ${groupName}.`,
                            () => {
                              setFresh(null);
                              setRevealed({});
                            },
                          )
                        }
                        trigger={removeTrigger(`Remove ${g.connectorName}`, 'Remove')}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
