'use client';
import { submitWith } from '@/lib/forms';
import { FolderTree } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { SubGroupDto } from '@/lib/groups';
import { createSubGroupAction, linkSubGroupAction, unlinkSubGroupAction } from '@/lib/groups/actions';

type Errors = Record<string, string[] | undefined>;

export function SubGroupsPanel({
  groupId,
  subGroups,
  linkable,
  canManage,
}: {
  groupId: string;
  subGroups: SubGroupDto[];
  linkable: { id: string; name: string }[];
  canManage: boolean;
}) {
  const t = useTranslations('groups.subGroups');
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  const [formKey, setFormKey] = useState(0);
  const after = (res: { ok: boolean; fieldErrors?: Errors }) => {
    setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
    if (res.ok) setFormKey((k) => k + 1);
  };
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t('title')}</CardTitle>
          <CardDescription>{t('description')}</CardDescription>
        </CardHeader>
        <CardContent>
          {subGroups.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <FolderTree aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">{t('empty')}</p>
              {canManage && <p className="text-sm text-muted-foreground">{t('emptyHint')}</p>}
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label={t('title')}>
              {subGroups.map((g) => (
                <li key={g.id} className="flex items-center gap-3 py-3" aria-label={g.name}>
                  <Link href={`/groups/${g.id}`} className="font-medium text-primary hover:underline">
                    {g.name}
                  </Link>
                  <span className="text-xs text-muted-foreground">{t('users', { count: g.users })}</span>
                  {canManage && (
                    <ConfirmDialog
                      title={t('unlinkTitle', { name: g.name })}
                      description={t('unlinkDescription')}
                      confirmLabel={t('unlink')}
                      pending={pending}
                      onConfirm={() => run(() => unlinkSubGroupAction({ groupId, childId: g.id }), t('unlinked', { name: g.name }))}
                      trigger={removeTrigger(t('unlinkLabel', { name: g.name }), t('unlink'), 'ml-auto')}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {canManage && (
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t('createTitle')}</CardTitle>
            </CardHeader>
            <CardContent>
              <form
                key={`create-${formKey}`}
                noValidate
                className="grid gap-3"
                method="post"
                onSubmit={submitWith((form) =>
                  run(
                    () => createSubGroupAction({ groupId, name: String(form.get('name') ?? '') }),
                    (d) => t('created', { name: d.name }),
                    after,
                  ),
                )}
              >
                <Field id="subgroup-name" label={t('name')} errors={errors.name}>
                  {(aria) => <Input {...aria} name="name" />}
                </Field>
                <Button type="submit" disabled={pending} className="justify-self-start">
                  {t('create')}
                </Button>
              </form>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('linkTitle')}</CardTitle>
              <CardDescription>{t('linkDescription')}</CardDescription>
            </CardHeader>
            <CardContent>
              {linkable.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('nothingToLink')}</p>
              ) : (
                <form
                  key={`link-${formKey}`}
                  noValidate
                  className="grid gap-3"
                  method="post"
                  onSubmit={submitWith((form) =>
                    run(
                      () => linkSubGroupAction({ groupId, childId: String(form.get('childId') ?? '') }),
                      (d) => t('linked', { name: d.name }),
                      after,
                    ),
                  )}
                >
                  <Field id="link-group" label={t('group')} errors={errors.childId}>
                    {(aria) => (
                      <select {...aria} name="childId" className="h-9 rounded-md border border-border bg-background px-3 text-sm shadow-sm">
                        {linkable.map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
                    {t('link')}
                  </Button>
                </form>
              )}
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}
