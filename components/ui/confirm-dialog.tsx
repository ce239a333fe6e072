'use client';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/** A confirmation step before a destructive action. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending,
}: {
  trigger: (open: () => void) => ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const t = useTranslations('common');
  return (
    <>
      {trigger(() => setOpen(true))}
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description}>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="outline" type="button" onClick={() => setOpen(false)} autoFocus>
            {t('cancel')}
          </Button>
          <Button
            variant="destructive"
            type="button"
            disabled={pending}
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

function RemoveLabel() {
  return useTranslations('common')('remove');
}

/** The usual trigger for a ConfirmDialog that removes something from a list ("Remove" in the user's language by default). */
export function removeTrigger(accessibleName: string, text?: string, className = '') {
  const RemoveTrigger = (open: () => void) => (
    <Button size="sm" variant="ghost" className={`text-destructive ${className}`.trim()} onClick={open} aria-label={accessibleName}>
      {text ?? <RemoveLabel />}
    </Button>
  );
  return RemoveTrigger;
}
