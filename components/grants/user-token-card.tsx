'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { AskOwnerNotice } from '@/components/connectors/ask-owner';
import { generateUserTokenAction } from '@/lib/grants/actions';
import { NewTokenNotice } from './token-reveal';

export function UserTokenCard({
  connectorId,
  connectorActive,
  isOrgAdmin,
  canManage,
  ownerName,
  current,
}: {
  connectorId: string;
  connectorActive: boolean;
  isOrgAdmin: boolean;
  /** owner or org admin: only they may generate user tokens on the connector */
  canManage: boolean;
  ownerName: string | null;
  current: { maskedToken: string | null; createdAt: string } | null;
}) {
  const { pending, run } = useActionRunner();
  const [fresh, setFresh] = useState<string | null>(null);
  const t = useTranslations('grants.userToken');
  if (!canManage) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>{t('title')}</CardTitle>
          <CardDescription>{t('description')}</CardDescription>
        </CardHeader>
        <CardContent>
          <AskOwnerNotice ownerName={ownerName} testId="user-token-who-to-ask">
            {(who) => t('onlyWho', { who })}
          </AskOwnerNotice>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{isOrgAdmin ? t('reachOrg') : t('reachAdmin')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {current?.maskedToken && !fresh && (
          <p className="text-sm">{t.rich('current', { token: current.maskedToken, code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}</p>
        )}
        {fresh && <NewTokenNotice token={fresh} title={t('freshTitle')} note={t('freshNote')} />}
        <div>
          <Button
            variant="outline"
            disabled={pending || !connectorActive}
            onClick={() =>
              run(
                () => generateUserTokenAction({ connectorId }),
                t('generated'),
                (res) => res.ok && setFresh(res.data.refreshToken),
              )
            }
          >
            {pending ? t('generating') : current ? t('generateNew') : t('generate')}
          </Button>
          {!connectorActive && <p className="mt-2 text-xs text-muted-foreground">{t('activateFirst')}</p>}
        </div>
      </CardContent>
    </Card>
  );
}
