'use client';
import { CheckCircle2, Phone, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('phone.panel');

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    start(async () => {
      const res = await fn();
      // the actions revalidate the layout themselves: no router.refresh() on top
      if (res.ok) {
        toast.success(success);
      } else {
        toast.error(res.message ?? t('failed'));
      }
    });

  return (
    <div className="grid gap-6">
      {mustRegister && <Alert variant="info">{t.rich('mustRegister', { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}</Alert>}

      <Card>
        <CardHeader className="flex-row items-start justify-between gap-4">
          <div className="grid gap-1.5">
            <CardTitle>{t('title')}</CardTitle>
            <CardDescription>{t('description')}</CardDescription>
          </div>
          {!adding && (
            <Button onClick={() => setAdding({})}>
              <Plus aria-hidden />
              {t('add')}
            </Button>
          )}
        </CardHeader>
        <CardContent>
          {numbers.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border py-10 text-center">
              <Phone aria-hidden className="size-8 text-muted-foreground" />
              <p className="font-medium">{t('emptyTitle')}</p>
              <p className="text-sm text-muted-foreground">{t('emptyText')}</p>
            </div>
          ) : (
            <ul className="divide-y divide-border" aria-label={t('listLabel')}>
              {numbers.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-3 py-3" aria-label={n.display}>
                  <span className="font-mono text-sm">{n.display}</span>
                  {n.isActive && (
                    <Badge variant="success">
                      <CheckCircle2 aria-hidden className="mr-1 size-3" />
                      {t('active')}
                    </Badge>
                  )}
                  {n.verified ? !n.isActive && <Badge variant="outline">{t('verified')}</Badge> : <Badge variant="warning">{t('pending')}</Badge>}
                  <div className="ml-auto flex gap-2">
                    {!n.verified && (
                      <Button size="sm" variant="outline" onClick={() => setAdding({ phone: n.e164 })}>
                        {t('verify')}
                      </Button>
                    )}
                    {n.verified && !n.isActive && (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        onClick={() => run(() => makePhoneNumberActive({ id: n.id }), t('madeActive', { phone: n.display }))}
                      >
                        {t('makeActive')}
                      </Button>
                    )}
                    <ConfirmDialog
                      title={t('removeTitle', { phone: n.display })}
                      description={n.isActive ? t('removeActive') : t('removeOther')}
                      confirmLabel={t('removeConfirm')}
                      pending={pending}
                      onConfirm={() => run(() => removePhoneNumberAction({ id: n.id }), t('removed', { phone: n.display }))}
                      trigger={removeTrigger(t('removeAria', { phone: n.display }))}
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
            toast.success(t('isVerified', { phone: display }));
            setAdding(null);
            if (mustRegister) router.push('/');
          }}
        />
      )}
    </div>
  );
}
