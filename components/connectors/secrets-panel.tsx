'use client';
import { submitWith } from '@/lib/forms';
import { Eye, EyeOff, RotateCw } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import type { ConnectorSecretDto } from '@/lib/connectors';
import { revealSecretAction, rotateSecretAction } from '@/lib/connectors/actions';

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Show, Copy and Rotate: rendered for the owner and org admins only (the others get AskOwnerNotice). */
export function SecretsPanel({ connectorId, secrets }: { connectorId: string; secrets: ConnectorSecretDto[] }) {
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [rotateOpen, setRotateOpen] = useState(false);
  const { pending, run } = useActionRunner();

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
        <span className="text-sm font-medium">Connector Secret</span>
        <Button type="button" variant="outline" size="sm" onClick={() => setRotateOpen(true)}>
          <RotateCw aria-hidden />
          Rotate secret
        </Button>
      </div>
      <ul className="grid gap-3" aria-label="Secrets">
        {secrets.map((s) => {
          const label = s.current ? 'Current secret' : 'Previous secret';
          const value = revealed[s.id];
          return (
            <li key={s.id} className="grid gap-1.5" aria-label={label} data-secret-id={s.id}>
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <Badge variant={s.current ? 'success' : 'warning'}>{label}</Badge>
                <span>created {dateTime.format(new Date(s.createdAt))}</span>
                <span>· {s.expiresAt ? `stops working ${dateTime.format(new Date(s.expiresAt))}` : 'no expiry'}</span>
              </div>
              <div className="flex items-center gap-2">
                <code data-testid="secret-value" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm">
                  {value ?? 'cps_' + '•'.repeat(24)}
                </code>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  aria-label={`${value ? 'Hide' : 'Show'} ${label.toLowerCase()}`}
                  onClick={() => (value ? setRevealed((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== s.id))) : void reveal(s.id))}
                >
                  {value ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
                  {value ? 'Hide' : 'Show'}
                </Button>
                <CopyButton getValue={() => reveal(s.id)} what={label} />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-muted-foreground">Every Show and Copy is recorded in the audit log.</p>

      <Dialog
        open={rotateOpen}
        onOpenChange={setRotateOpen}
        title="Rotate the connector secret?"
        description="A new secret is created. Update your system with it; choose what happens to the current one."
      >
        <form
          className="mt-4 grid gap-4"
          method="post"
          onSubmit={submitWith((form) => {
            const overlap = form.get('overlap') === 'none' ? 'none' : '7d';
            run(
              () => rotateSecretAction({ id: connectorId, overlap }),
              overlap === 'none'
                ? 'New secret created; the previous secret no longer works.'
                : 'New secret created; the previous one keeps working for 7 days.',
              (res) => {
                if (!res.ok) return;
                setRotateOpen(false);
                setRevealed({}); // everything is masked again after a rotation
              },
            );
          })}
        >
          <fieldset className="grid gap-2 text-sm">
            <legend className="sr-only">Previous secret</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="overlap" value="7d" defaultChecked className="mt-1" />
              <span>
                <span className="font-medium">Keep the previous secret working for 7 days</span>
                <span className="block text-xs text-muted-foreground">Both secrets work until then, so you can switch without downtime.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="overlap" value="none" className="mt-1" />
              <span>
                <span className="font-medium">Revoke the previous secret now</span>
                <span className="block text-xs text-muted-foreground">Use this if the secret leaked. Calls with it fail at once.</span>
              </span>
            </label>
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setRotateOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Rotating…' : 'Rotate secret'}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
