import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireVerifiedUser } from '@/lib/auth';
import { DomainError, statusOf } from '@/lib/errors';
import { isUuid } from '@/lib/utils';
import { loadGroup } from '@/lib/groups';

/** For group pages: the signed-in user and the group (once per request); 404 when not visible. */
export const groupPageContext = cache(async (groupId: string) => {
  const user = await requireVerifiedUser();
  if (!isUuid(groupId)) notFound();
  const view = await loadGroup(user, groupId).catch((err: unknown) => {
    if (err instanceof DomainError && statusOf(err) === 404) notFound();
    throw err;
  });
  return { user, view };
});
