'use client';
import { submitWith } from '@/lib/forms';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { createGroupAction } from '@/lib/groups/actions';

type Errors = Record<string, string[] | undefined>;

export function NewGroupForm() {
  const t = useTranslations('groups.new');
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, start] = useTransition();
  return (
    <Card>
      <CardContent className="pt-6">
        <form
          noValidate
          className="grid gap-5"
          method="post"
          onSubmit={submitWith((form) =>
            start(async () => {
              const res = await createGroupAction({
                name: String(form.get('name') ?? ''),
                welcomeMessage: String(form.get('welcomeMessage') ?? ''),
                groupType: String(form.get('groupType') ?? '') as 'Group',
              });
              if (res.ok) {
                toast.success(t('created', { name: res.data.name }));
                router.push(`/groups/${res.data.id}`);
              } else {
                setErrors(res.fieldErrors ?? {});
                if (!res.fieldErrors) toast.error(res.message);
              }
            }),
          )}
        >
          <Field id="group-name" label={t('name')} errors={errors.name}>
            {(aria) => <Input {...aria} name="name" maxLength={80} autoFocus />}
          </Field>
          <Field id="welcome-message" label={t('welcome')} hint={t('welcomeHint')} errors={errors.welcomeMessage}>
            {(aria) => (
              <textarea
                {...aria}
                name="welcomeMessage"
                rows={3}
                maxLength={500}
                className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              />
            )}
          </Field>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t('type')}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="groupType" value="Group" defaultChecked className="mt-1" />
              <span>
                <span className="font-medium">{t('group')}</span>
                <span className="block text-xs text-muted-foreground">{t('groupHint')}</span>
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="groupType" value="ConnectGroup" className="mt-1" />
              <span>
                <span className="font-medium">{t('connectGroup')}</span>
                <span className="block text-xs text-muted-foreground">{t('connectGroupHint')}</span>
              </span>
            </label>
            <p className="text-sm text-destructive empty:hidden" aria-live="polite">
              {errors.groupType?.[0]}
            </p>
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t('creating') : t('create')}
            </Button>
            <Link href="/groups" className={buttonVariants({ variant: 'ghost' })}>
              {t('cancel')}
            </Link>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
