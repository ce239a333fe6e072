'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { WebhookDto } from '@/lib/webhooks';
import { reenableWebhookAction, revealWebhookSecretAction, rotateWebhookSecretAction, sendTestEventAction } from '@/lib/webhooks/actions';

/** Send test event, Re-enable, and (owner, org admins) Show / Rotate signing secret — every one audited. */
export function WebhookActions({ w }: { w: WebhookDto }) {
  const t = useTranslations('webhooks.actions');
  const { pending, run } = useActionRunner();
  const [secret, setSecret] = useState<{ value: string; rotated: boolean } | null>(null);
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {w.active ? (
          <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => sendTestEventAction({ webhookId: w.id }), t('testQueued'))}>
            {t('sendTest')}
          </Button>
        ) : (
          <Button size="sm" disabled={pending} onClick={() => run(() => reenableWebhookAction({ webhookId: w.id }), t('reenabled'))}>
            {t('reenable')}
          </Button>
        )}
        {w.canSecret && (
          <>
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={async () => {
                const res = await revealWebhookSecretAction({ webhookId: w.id });
                if (res.ok) setSecret({ value: res.data.secret, rotated: false });
                else toast.error(res.message);
              }}
            >
              {t('showSecret')}
            </Button>
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() =>
                run(
                  () => rotateWebhookSecretAction({ webhookId: w.id }),
                  t('rotated'),
                  (res) => res.ok && setSecret({ value: res.data.secret, rotated: true }),
                )
              }
            >
              {t('rotate')}
            </Button>
          </>
        )}
      </div>
      {secret && (
        <p className="text-xs text-muted-foreground">
          {secret.rotated ? t('newSecret') : t('secret')}:{' '}
          <code data-testid="webhook-secret" className="break-all rounded bg-muted px-1 py-0.5 font-mono text-foreground">
            {secret.value}
          </code>
        </p>
      )}
    </div>
  );
}
