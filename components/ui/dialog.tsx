'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Modal dialog on the native <dialog> element: focus trap, Escape closes, backdrop. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={() => onOpenChange(false)}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-md rounded-xl border border-border bg-card p-6 text-card-foreground shadow-xl backdrop:bg-black/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <div className="mt-2 text-sm text-muted-foreground">{description}</div>}
      {open && children}
    </dialog>
  );
}
