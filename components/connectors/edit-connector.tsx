'use client';
import { Pencil } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { submitWith } from '@/lib/forms';
import { updateConnectorAction } from '@/lib/connectors/actions';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { useFocusFirstInvalid } from '@/lib/focus';

/** "Edit": rename the connector and change its description (owner and org admins). */
export function EditConnector({ connectorId, name, description }: { connectorId: string; name: string; description: string }) {
  const { pending, run } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const formRef = useFocusFirstInvalid(errors);
  const t = useTranslations('connectors.edit');
  const tc = useTranslations('common');
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Pencil aria-hidden />
        {tc('edit')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('title')} description={t('description')}>
        <form
          ref={formRef}
          className="mt-4 grid gap-4"
          noValidate
          method="post"
          onSubmit={submitWith((form) =>
            run(
              () =>
                updateConnectorAction({
                  id: connectorId,
                  name: String(form.get('name') ?? ''),
                  description: String(form.get('description') ?? ''),
                }),
              t('saved'),
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) setOpen(false);
              },
            ),
          )}
        >
          <Field id="name" label={t('nameLabel')} errors={errors.name}>
            {(aria) => <Input {...aria} name="name" defaultValue={name} autoComplete="off" />}
          </Field>
          <Field id="description" label={t('descriptionLabel')} errors={errors.description}>
            {(aria) => <Textarea {...aria} name="description" defaultValue={description} rows={3} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc('saving') : tc('save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
