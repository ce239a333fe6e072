'use client';
import { Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useFocusFirstInvalid } from '@/lib/focus';
import { submitWith } from '@/lib/forms';
import { deleteGroupAction, updateGroupAction } from '@/lib/groups/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';

type Errors = Record<string, string[] | undefined>;

function EditGroup({ groupId, name, welcomeMessage }: { groupId: string; name: string; welcomeMessage: string | null }) {
  const t = useTranslations('groups.edit');
  const { pending, run } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstInvalid(errors);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Pencil aria-hidden />
        {t('button')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('title')} description={t('description')}>
        <form
          ref={formRef}
          className="mt-4 grid gap-4"
          noValidate
          method="post"
          onSubmit={submitWith((form) =>
            run(
              () => updateGroupAction({ groupId, name: String(form.get('name') ?? ''), welcomeMessage: String(form.get('welcomeMessage') ?? '') }),
              t('saved'),
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) setOpen(false);
              },
            ),
          )}
        >
          <Field id="group-name" label={t('name')} errors={errors.name}>
            {(aria) => <Input {...aria} name="name" defaultValue={name} autoComplete="off" />}
          </Field>
          <Field id="group-welcome" label={t('welcome')} errors={errors.welcomeMessage}>
            {(aria) => <Textarea {...aria} name="welcomeMessage" defaultValue={welcomeMessage ?? ''} rows={3} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t('saving') : t('save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function DeleteGroup({ groupId, name }: { groupId: string; name: string }) {
  const t = useTranslations('groups.delete');
  const router = useRouter();
  const { pending, run } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  return (
    <>
      <Button variant="outline" size="sm" className="text-destructive" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden />
        {t('button')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t('title', { name })}
        description={<>{t.rich('description', { name, strong: (chunks) => <strong className="font-mono text-foreground">{chunks}</strong> })}</>}
      >
        <form
          className="mt-4 grid gap-4"
          noValidate
          method="post"
          onSubmit={submitWith(() =>
            run(
              () => deleteGroupAction({ groupId, confirmName: typed }),
              t('deleted', { name }),
              (res) => {
                if (res.ok) router.push('/groups');
                else setErrors(res.fieldErrors?.confirmName);
              },
            ),
          )}
        >
          <Field id="confirm-group-name" label={t('confirmLabel')} errors={errors}>
            {(aria) => <Input {...aria} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== name}>
              {pending ? t('deleting') : t('confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** Edit and Delete for the group's admins and org admins (beside the group's title). */
export function GroupAdminActions(props: { groupId: string; name: string; welcomeMessage: string | null }) {
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <EditGroup {...props} />
      <DeleteGroup groupId={props.groupId} name={props.name} />
    </div>
  );
}
