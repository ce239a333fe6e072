'use client';
import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from './button';

/** Copies `value` (or what `getValue` resolves, e.g. after an audited reveal) to the clipboard. */
export function CopyButton({
  value,
  getValue,
  label,
  what,
}: {
  value?: string;
  getValue?: () => Promise<string | null>;
  label?: string;
  /** shown in the toast and the accessible name, e.g. "Connector ID" */
  what: string;
}) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations('common.copy');
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      aria-label={label ? `${label} ${what}` : t('aria', { what })}
      onClick={async () => {
        const text = value ?? (await getValue?.()) ?? null;
        if (text === null) return;
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          toast.success(t('done', { what }));
          setTimeout(() => setCopied(false), 2000);
        } catch {
          toast.error(t('blocked'));
        }
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? t('copied') : (label ?? t('label'))}
    </Button>
  );
}
