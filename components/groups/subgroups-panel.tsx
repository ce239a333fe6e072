'use client';
import { submitWith } from '@/lib/forms';
import { FolderTree } from 'lucide-react';
import Link from 'next/link';
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
          <CardTitle>Sub groups</CardTitle>
          <CardDescription>Groups below this one in the hierarchy.</CardDescription>
        </CardHeader>
        <CardContent>
          {subGroups.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <FolderTree aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">No sub groups</p>
              {canManage && <p className="text-sm text-muted-foreground">Create one or link an existing group below.</p>}
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label="Sub groups">
              {subGroups.map((g) => (
                <li key={g.id} className="flex items-center gap-3 py-3" aria-label={g.name}>
                  <Link href={`/groups/${g.id}`} className="font-medium text-primary hover:underline">
                    {g.name}
                  </Link>
                  <span className="text-xs text-muted-foreground">
                    {g.users} user{g.users === 1 ? '' : 's'}
                  </span>
                  {canManage && (
                    <ConfirmDialog
                      title={`Unlink ${g.name}?`}
                      description="The group stays; it is only no longer a sub group here."
                      confirmLabel="Unlink"
                      pending={pending}
                      onConfirm={() => run(() => unlinkSubGroupAction({ groupId, childId: g.id }), `${g.name} was unlinked.`)}
                      trigger={removeTrigger(`Unlink ${g.name}`, 'Unlink', 'ml-auto')}
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
              <CardTitle>Create a sub group</CardTitle>
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
                    (d) => `Sub group “${d.name}” created.`,
                    after,
                  ),
                )}
              >
                <Field id="subgroup-name" label="Sub group name" errors={errors.name}>
                  {(aria) => <Input {...aria} name="name" />}
                </Field>
                <Button type="submit" disabled={pending} className="justify-self-start">
                  Create sub group
                </Button>
              </form>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Link an existing group</CardTitle>
              <CardDescription>Groups you administer in this organization.</CardDescription>
            </CardHeader>
            <CardContent>
              {linkable.length === 0 ? (
                <p className="text-sm text-muted-foreground">No other group can be linked here.</p>
              ) : (
                <form
                  key={`link-${formKey}`}
                  noValidate
                  className="grid gap-3"
                  method="post"
                  onSubmit={submitWith((form) =>
                    run(
                      () => linkSubGroupAction({ groupId, childId: String(form.get('childId') ?? '') }),
                      (d) => `${d.name} is now a sub group.`,
                      after,
                    ),
                  )}
                >
                  <Field id="link-group" label="Group" errors={errors.childId}>
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
                    Link group
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
