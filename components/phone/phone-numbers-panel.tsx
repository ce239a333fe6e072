'use client';
import { CheckCircle2, Phone, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog, removeTrigger } from '@/components/ui/confirm-dialog';
import type { PhoneNumberDto } from '@/lib/phone';
import { makePhoneNumberActive, removePhoneNumberAction } from '@/lib/phone/actions';
import { AddPhoneNumberForm } from './add-phone-number-form';

export function PhoneNumbersPanel({ numbers, mustRegister, startAdding }: { numbers: PhoneNumberDto[]; mustRegister: boolean; startAdding: boolean }) {
  const router = useRouter();
  const [adding, setAdding] = useState<{ phone?: string } | null>(startAdding ? {} : null);
  const [pending, start] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    start(async () => {
      const res = await fn();
      // the actions revalidate the layout themselves: no router.refresh() on top
      if (res.ok) {
        toast.success(success);
      } else {
        toast.error(res.message ?? 'Something went wrong.');
      }
    });

  return (
    <div className="grid gap-6">
      {mustRegister && (
        <Alert variant="info">
          <strong className="font-semibold">Register a phone number to continue.</strong> Your phone number is your identity inside groups: group admins add
          members by number. We will text you a 6-digit PIN to confirm it is yours.
        </Alert>
      )}

      <Card>
        <CardHeader className="flex-row items-start justify-between gap-4">
          <div className="grid gap-1.5">
            <CardTitle>Your phone numbers</CardTitle>
            <CardDescription>The active number is the one groups see. You can hold several and switch between them.</CardDescription>
          </div>
          {!adding && (
            <Button onClick={() => setAdding({})}>
              <Plus aria-hidden />
              Add a Phone Number
            </Button>
          )}
        </CardHeader>
        <CardContent>
          {numbers.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <Phone aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">No phone numbers yet</p>
              <p className="text-sm text-muted-foreground">Add a number and verify it with the PIN we text you.</p>
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label="Phone numbers">
              {numbers.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-3 py-3" aria-label={n.display}>
                  <span className="font-mono text-sm">{n.display}</span>
                  {n.isActive && (
                    <Badge variant="success">
                      <CheckCircle2 aria-hidden className="mr-1 size-3" />
                      Active
                    </Badge>
                  )}
                  {n.verified ? !n.isActive && <Badge variant="outline">Verified</Badge> : <Badge variant="warning">Pending verification</Badge>}
                  <div className="ml-auto flex gap-2">
                    {!n.verified && (
                      <Button size="sm" variant="outline" onClick={() => setAdding({ phone: n.e164 })}>
                        Verify
                      </Button>
                    )}
                    {n.verified && !n.isActive && (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        onClick={() => run(() => makePhoneNumberActive({ id: n.id }), `${n.display} is now your active number.`)}
                      >
                        Make active
                      </Button>
                    )}
                    <ConfirmDialog
                      title={`Remove ${n.display}?`}
                      description={
                        n.isActive
                          ? 'This is your active number. Groups will no longer see you under it; another verified number becomes active, if you have one.'
                          : 'You can add it again later; it will need a new PIN.'
                      }
                      confirmLabel="Remove number"
                      pending={pending}
                      onConfirm={() => run(() => removePhoneNumberAction({ id: n.id }), `${n.display} was removed.`)}
                      trigger={removeTrigger(`Remove ${n.display}`, 'Remove')}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {adding && (
        <AddPhoneNumberForm
          key={adding.phone ?? 'new'}
          initialPhone={adding.phone}
          canCancel={!mustRegister || numbers.length > 0}
          onCancel={() => setAdding(null)}
          onVerified={(display) => {
            toast.success(`${display} is verified.`);
            setAdding(null);
            if (mustRegister) router.push('/');
          }}
        />
      )}
    </div>
  );
}
