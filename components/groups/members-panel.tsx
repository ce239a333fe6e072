'use client';
import { UserPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Pager } from '@/components/data-table/pager';
import { SortHeader } from '@/components/data-table/sort-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { submitWith } from '@/lib/forms';
import type { MemberDto, MemberSort } from '@/lib/groups';
import { addMemberAction, removeMemberAction, setMemberRoleAction } from '@/lib/groups/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { RoleBadge } from './role-badge';

type Errors = Record<string, string[] | undefined>;

export interface MembersListProps {
  members: MemberDto[];
  /** every member of the group (the list shows one page) */
  total: number;
  prev: string | null;
  next: string | null;
  sort: MemberSort;
  dir: 'asc' | 'desc';
  params: Record<string, string | undefined>;
}

export function MembersPanel({ groupId, canManage, list }: { groupId: string; canManage: boolean; list: MembersListProps }) {
  const t = useTranslations('groups.members');
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  const [formKey, setFormKey] = useState(0);
  const path = `/groups/${groupId}`;
  const col = { sort: list.sort, dir: list.dir, path, params: list.params };
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t('title')}</CardTitle>
          <CardDescription>
            {t('count', { count: list.total })} {canManage ? t('manageHint') : t('readOnlyHint')}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t('caption')}</caption>
              <thead className="border-b border-border text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <SortHeader label={t('name')} column="name" {...col} className="pl-0" />
                  <SortHeader label={t('phone')} column="phone" {...col} />
                  <SortHeader label={t('role')} column="role" {...col} />
                  {canManage && (
                    <th scope="col" className="px-4 py-3 font-medium">
                      <span className="sr-only">{t('actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {list.members.map((m) => (
                  <tr key={m.e164} aria-label={m.displayName}>
                    <td className="py-3 pr-4 font-medium">
                      {m.displayName}
                      {m.isYou && <span className="ml-1 text-xs font-normal text-muted-foreground">{t('you')}</span>}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-muted-foreground">{m.display}</td>
                    <td className="px-4 py-3">
                      <RoleBadge role={m.role} />
                    </td>
                    {canManage && (
                      <td className="py-3 pl-4">
                        <div className="flex justify-end gap-2">
                          {m.role === 'Admin' ? (
                            <Button
                              size="sm"
                              variant="outline"
                              disabled={pending}
                              onClick={() => run(() => setMemberRoleAction({ groupId, e164: m.e164, role: 'Member' }), t('nowMember', { name: m.displayName }))}
                            >
                              {t('makeMember')}
                            </Button>
                          ) : (
                            <Button
                              size="sm"
                              variant="outline"
                              disabled={pending}
                              onClick={() => run(() => setMemberRoleAction({ groupId, e164: m.e164, role: 'Admin' }), t('nowAdmin', { name: m.displayName }))}
                            >
                              {t('promote')}
                            </Button>
                          )}
                          <ConfirmDialog
                            title={t('removeTitle', { name: m.displayName })}
                            description={t('removeDescription', { phone: m.display })}
                            confirmLabel={t('removeConfirm')}
                            pending={pending}
                            onConfirm={() => run(() => removeMemberAction({ groupId, e164: m.e164 }), t('removed', { name: m.displayName }))}
                            trigger={removeTrigger(t('removeLabel', { name: m.displayName }), t('remove'))}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager path={path} params={list.params} prev={list.prev} next={list.next} label={t('pages')} />
        </CardContent>
      </Card>
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>{t('addTitle')}</CardTitle>
          </CardHeader>
          <CardContent>
            <form
              key={formKey}
              noValidate
              className="grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start"
              method="post"
              onSubmit={submitWith((form) =>
                run(
                  () =>
                    addMemberAction({
                      groupId,
                      phone: String(form.get('phone') ?? ''),
                      displayName: String(form.get('displayName') ?? ''),
                      role: form.get('role') === 'Admin' ? 'Admin' : 'Member',
                    }),
                  (d) => t('added', { phone: d.display }),
                  (res) => {
                    setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                    if (res.ok) setFormKey((k) => k + 1);
                  },
                ),
              )}
            >
              <Field id="member-phone" label={t('phoneLabel')} errors={errors.phone}>
                {(aria) => <Input {...aria} name="phone" type="tel" placeholder="+1 425 555 0199" />}
              </Field>
              <Field id="member-name" label={t('nameLabel')} errors={errors.displayName}>
                {(aria) => <Input {...aria} name="displayName" placeholder={t('namePlaceholder')} />}
              </Field>
              <Field id="member-role" label={t('roleLabel')}>
                {(aria) => (
                  <select {...aria} name="role" className="h-9 rounded-md border border-border bg-background px-3 text-sm shadow-sm">
                    <option value="Member">{t('roleMember')}</option>
                    <option value="Admin">{t('roleAdmin')}</option>
                  </select>
                )}
              </Field>
              <Button type="submit" disabled={pending} className="sm:mt-6">
                <UserPlus aria-hidden />
                {t('add')}
              </Button>
            </form>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
