'use client';
import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from './button';

/** Copies `value` (or what `getValue` resolves, e.g. after an audited reveal) to the clipboard. */
export function CopyButton({
  value,
  getValue,
  label = 'Copy',
  what,
}: {
  value?: string;
  getValue?: () => Promise<string | null>;
  label?: string;
  /** shown in the toast and the accessible name, e.g. "Connector ID" */
  what: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      aria-label={`${label} ${what}`}
      onClick={async () => {
        const text = value ?? (await getValue?.()) ?? null;
        if (text === null) return;
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          toast.success(`${what} copied to the clipboard.`);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          toast.error('Could not copy: your browser blocked clipboard access. Select the text and copy it instead.');
        }
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? 'Copied' : label}
    </Button>
  );
}
