'use client';
import { submitWith } from '@/lib/forms';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { MemberDto } from '@/lib/groups';
import { addMemberAction, removeMemberAction, setMemberRoleAction } from '@/lib/groups/actions';

type Errors = Record<string, string[] | undefined>;

export function MembersPanel({ groupId, members, canManage }: { groupId: string; members: MemberDto[]; canManage: boolean }) {
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Users</CardTitle>
          <CardDescription>
            {members.length} member{members.length === 1 ? '' : 's'}.{' '}
            {canManage ? 'Add people by phone number; admins manage the group.' : 'Only admins can change the members.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y divide-border" aria-label="Members">
            {members.map((m) => (
              <li key={m.e164} className="flex flex-wrap items-center gap-3 py-3" aria-label={m.displayName}>
                <div className="min-w-40">
                  <div className="font-medium">
                    {m.displayName}
                    {m.isYou && <span className="ml-1 text-xs text-muted-foreground">(you)</span>}
                  </div>
                  <div className="font-mono text-xs text-muted-foreground">{m.display}</div>
                </div>
                <Badge variant={m.role === 'Admin' ? 'default' : 'outline'}>{m.role}</Badge>
                {canManage && (
                  <div className="ml-auto flex gap-2">
                    {m.role === 'Admin' ? (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        onClick={() => run(() => setMemberRoleAction({ groupId, e164: m.e164, role: 'Member' }), `${m.displayName} is now a member.`)}
                      >
                        Make member
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        onClick={() => run(() => setMemberRoleAction({ groupId, e164: m.e164, role: 'Admin' }), `${m.displayName} is now an admin.`)}
                      >
                        Promote to Admin
                      </Button>
                    )}
                    <ConfirmDialog
                      title={`Remove ${m.displayName}?`}
                      description={`${m.display} will no longer be a member of this group.`}
                      confirmLabel="Remove member"
                      pending={pending}
                      onConfirm={() => run(() => removeMemberAction({ groupId, e164: m.e164 }), `${m.displayName} was removed.`)}
                      trigger={removeTrigger(`Remove ${m.displayName}`, 'Remove')}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>Add a member</CardTitle>
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
                  (d) => `${d.display} was added.`,
                  (res) => {
                    setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                    if (res.ok) setFormKey((k) => k + 1);
                  },
                ),
              )}
            >
              <Field id="member-phone" label="Phone number" errors={errors.phone}>
                {(aria) => <Input {...aria} name="phone" type="tel" placeholder="+1 425 555 0199" />}
              </Field>
              <Field id="member-name" label="Name" errors={errors.displayName}>
                {(aria) => <Input {...aria} name="displayName" placeholder="Dana Doe" />}
              </Field>
              <Field id="member-role" label="Role">
                {(aria) => (
                  <select {...aria} name="role" className="h-9 rounded-md border border-border bg-background px-3 text-sm shadow-sm">
                    <option value="Member">Member</option>
                    <option value="Admin">Admin</option>
                  </select>
                )}
              </Field>
              <Button type="submit" disabled={pending} className="sm:mt-6">
                <UserPlus aria-hidden />
                Add
              </Button>
            </form>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
