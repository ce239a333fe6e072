import { Lock } from 'lucide-react';
import { useTranslations } from 'next-intl';

/** In place of a secret or a token button, for everyone but the owner and org admins. */
export function AskOwnerNotice({ ownerName, children, testId }: { ownerName: string | null; children: (who: string) => string; testId?: string }) {
  const t = useTranslations('connectors.askOwner');
  // who may see or do this instead (product.md §5): the connector's owner, or an organization admin
  const who = ownerName ? t('ownerOrAdmin', { owner: ownerName }) : t('admin');
  return (
    <p
      data-testid={testId}
      className="flex items-start gap-2 rounded-md border border-dashed border-border bg-muted/50 px-3 py-2 text-sm text-muted-foreground"
    >
      <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children(who)}</span>
    </p>
  );
}
