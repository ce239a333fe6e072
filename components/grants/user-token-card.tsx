'use client';
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
  if (!canManage) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>User token</CardTitle>
          <CardDescription>A refresh token with which this connector acts for a user in their groups.</CardDescription>
        </CardHeader>
        <CardContent>
          <AskOwnerNotice ownerName={ownerName} testId="user-token-who-to-ask">
            {(who) => `Only ${who} can generate user tokens for this connector.`}
          </AskOwnerNotice>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>User token</CardTitle>
        <CardDescription>
          {isOrgAdmin
            ? 'A refresh token that reaches every group of your organization (you are an organization admin).'
            : 'A refresh token that reaches every group where you are an admin.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {current?.maskedToken && !fresh && (
          <p className="text-sm">
            Your current user token: <code className="font-mono text-xs">{current.maskedToken}</code>
          </p>
        )}
        {fresh && (
          <NewTokenNotice
            token={fresh}
            title="Your user token"
            note="Use it with this connector’s ID and Secret at the token service. Generating again replaces it."
          />
        )}
        <div>
          <Button
            variant="outline"
            disabled={pending || !connectorActive}
            onClick={() =>
              run(
                () => generateUserTokenAction({ connectorId }),
                'User token generated.',
                (res) => res.ok && setFresh(res.data.refreshToken),
              )
            }
          >
            {pending ? 'Generating…' : current ? 'Generate a new user token' : 'Generate user token'}
          </Button>
          {!connectorActive && <p className="mt-2 text-xs text-muted-foreground">Activate the connector to generate a user token.</p>}
        </div>
      </CardContent>
    </Card>
  );
}
