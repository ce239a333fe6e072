'use client';
import { submitWith } from '@/lib/forms';
import { Plug } from 'lucide-react';
import { useTranslations } from 'next-intl';
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

export function GroupConnectorsPanel({
  groupId,
  groupName,
  granted,
  available,
}: {
  groupId: string;
  groupName: string;
  /** `added`: the grant's date, formatted on the server (the page) */
  granted: (GroupGrantDto & { added: string })[];
  available: { id: string; name: string }[];
}) {
  const { pending, run } = useActionRunner();
  const [fresh, setFresh] = useState<{ token: string; connectorName: string; regenerated?: boolean } | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<string[] | undefined>();
  const t = useTranslations('grants.group');
  const tg = useTranslations('grants');
  const tc = useTranslations('common');

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
          <CardTitle>{t('addTitle')}</CardTitle>
          <CardDescription>{t('addText', { group: groupName })}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {available.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noneAvailable')}</p>
          ) : (
            <form
              noValidate
              className="flex flex-wrap items-end gap-3"
              method="post"
              onSubmit={submitWith((form) =>
                run(
                  () => addConnectorToGroupAction({ groupId, connectorId: String(form.get('connectorId') ?? '') }),
                  (d) => t('added', { connector: d.connectorName, group: groupName }),
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
              <Field id="connector-select" label={t('connectorLabel')} errors={errors}>
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
                {pending ? t('adding') : t('add')}
              </Button>
            </form>
          )}
          {fresh && (
            <NewTokenNotice
              token={fresh.token}
              title={fresh.regenerated ? t('freshTitleNew', { connector: fresh.connectorName }) : t('freshTitle', { connector: fresh.connectorName })}
              note={t(fresh.regenerated ? 'freshNoteNew' : 'freshNote', { connector: fresh.connectorName, group: groupName })}
            />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('listTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          {granted.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <Plug aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">{t('emptyTitle')}</p>
              <p className="text-sm text-muted-foreground">{t('emptyText')}</p>
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label={t('listLabel')}>
              {granted.map((g) => {
                const value = revealed[g.grantId];
                return (
                  <li key={g.grantId} className="grid gap-2 py-4" aria-label={g.connectorName}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{g.connectorName}</span>
                      <Badge variant="success">{t('working')}</Badge>
                      {g.connectorStatus === 'inactive' && <Badge variant="muted">{t('deactivated')}</Badge>}
                      <span className="text-xs text-muted-foreground">
                        {g.grantedBy ? t('addedOnBy', { date: g.added, by: g.grantedBy }) : t('addedOn', { date: g.added })}
                      </span>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <code data-testid="group-token" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-xs">
                        {value ?? g.maskedToken ?? t('noToken')}
                      </code>
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() =>
                          value ? setRevealed((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== g.grantId))) : void reveal(g.grantId)
                        }
                      >
                        {value ? tc('hide') : tc('show')}
                      </Button>
                      <CopyButton getValue={() => reveal(g.grantId)} what={tg('refreshToken')} />
                      <ConfirmDialog
                        title={t('regenerateTitle', { connector: g.connectorName })}
                        description={t('regenerateText')}
                        confirmLabel={t('regenerate')}
                        pending={pending}
                        onConfirm={() =>
                          run(
                            () => regenerateGroupTokenAction({ grantId: g.grantId }),
                            t('regenerated'),
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
                            {t('regenerate')}
                          </Button>
                        )}
                      />
                      <ConfirmDialog
                        title={t('removeTitle', { connector: g.connectorName, group: groupName })}
                        description={g.connectorStatus === 'inactive' ? t('removeTextInactive') : t('removeText')}
                        confirmLabel={tc('remove')}
                        pending={pending}
                        onConfirm={() =>
                          run(
                            () => removeGroupGrantAction({ grantId: g.grantId }),
                            t('removed', { connector: g.connectorName, group: groupName }),
                            () => {
                              setFresh(null);
                              setRevealed({});
                            },
                          )
                        }
                        trigger={removeTrigger(t('removeAria', { connector: g.connectorName }))}
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
