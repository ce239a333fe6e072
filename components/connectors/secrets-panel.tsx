'use client';
import { submitWith } from '@/lib/forms';
import { Eye, EyeOff, RotateCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { ConnectorSecretDto } from '@/lib/connectors';
import { revealSecretAction, rotateSecretAction } from '@/lib/connectors/actions';

/** A secret with its dates as the page formatted them on the server (connector-details.tsx). */
type SecretRow = ConnectorSecretDto & { created: string; stops: string | null };

/** Show, Copy and Rotate: rendered for the owner and org admins only (the others get AskOwnerNotice). */
export function SecretsPanel({ connectorId, secrets }: { connectorId: string; secrets: SecretRow[] }) {
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [rotateOpen, setRotateOpen] = useState(false);
  const { pending, run } = useActionRunner();
  const t = useTranslations('connectors.secrets');
  const tc = useTranslations('common');

  const reveal = async (secretId: string): Promise<string | null> => {
    if (revealed[secretId]) return revealed[secretId];
    const res = await revealSecretAction({ id: connectorId, secretId });
    if (!res.ok) {
      toast.error(res.message);
      return null;
    }
    setRevealed((r) => ({ ...r, [secretId]: res.data.secret }));
    return res.data.secret;
  };

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-between">
        <span className="text-sm font-medium">{t('title')}</span>
        <Button type="button" variant="outline" size="sm" onClick={() => setRotateOpen(true)}>
          <RotateCw aria-hidden />
          {t('rotate')}
        </Button>
      </div>
      <ul className="grid gap-3" aria-label={t('listLabel')}>
        {secrets.map((s) => {
          const label = s.current ? t('current') : t('previous');
          const value = revealed[s.id];
          return (
            <li key={s.id} className="grid gap-1.5" aria-label={label} data-secret-id={s.id}>
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <Badge variant={s.current ? 'success' : 'warning'}>{label}</Badge>
                <span>{t('created', { date: s.created })}</span>
                <span>· {s.stops ? t('stops', { date: s.stops }) : t('noExpiry')}</span>
              </div>
              <div className="flex items-center gap-2">
                <code data-testid="secret-value" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm">
                  {value ?? 'cps_' + '•'.repeat(24)}
                </code>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  aria-label={value ? t(s.current ? 'hideCurrent' : 'hidePrevious') : t(s.current ? 'showCurrent' : 'showPrevious')}
                  onClick={() => (value ? setRevealed((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== s.id))) : void reveal(s.id))}
                >
                  {value ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
                  {value ? tc('hide') : tc('show')}
                </Button>
                <CopyButton getValue={() => reveal(s.id)} what={label} />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-muted-foreground">{t('audited')}</p>

      <Dialog open={rotateOpen} onOpenChange={setRotateOpen} title={t('rotateTitle')} description={t('rotateText')}>
        <form
          className="mt-4 grid gap-4"
          method="post"
          onSubmit={submitWith((form) => {
            const overlap = form.get('overlap') === 'none' ? 'none' : '7d';
            run(
              () => rotateSecretAction({ id: connectorId, overlap }),
              overlap === 'none' ? t('rotatedNow') : t('rotatedOverlap'),
              (res) => {
                if (!res.ok) return;
                setRotateOpen(false);
                setRevealed({}); // everything is masked again after a rotation
              },
            );
          })}
        >
          <fieldset className="grid gap-2 text-sm">
            <legend className="sr-only">{t('previous')}</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="overlap" value="7d" defaultChecked className="mt-1" />
              <span>
                <span className="font-medium">{t('keepTitle')}</span>
                <span className="block text-xs text-muted-foreground">{t('keepText')}</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="overlap" value="none" className="mt-1" />
              <span>
                <span className="font-medium">{t('revokeTitle')}</span>
                <span className="block text-xs text-muted-foreground">{t('revokeText')}</span>
              </span>
            </label>
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setRotateOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t('rotating') : t('rotate')}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
