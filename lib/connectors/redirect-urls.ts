import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { connectors, type Connector } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { loadConnector } from './service';

/** The OAuth redirect URLs of a connector (owner and org admins; at most 10; audited). */
const MAX_REDIRECT_URLS = 10;

/** One transaction: lock the connector, check, write the new list, audit. */
async function changeRedirectUrls(actor: Actor, id: string, ip: string | null, action: 'added' | 'removed', url: string, next: (c: Connector) => string[]) {
  return db.transaction(async (tx) => {
    const c = await loadConnector(actor, id, tx, true);
    assertCan(actor, 'connector.manage', c);
    await tx
      .update(connectors)
      .set({ redirectUrls: next(c), updatedAt: new Date() })
      .where(eq(connectors.id, id));
    await recordAudit(tx, {
      tenantId: c.tenantId,
      actorUserId: actor.id,
      action: `connector.redirect_url_${action}`,
      targetType: 'connector',
      targetId: id,
      ip,
      metadata: { url },
    });
  });
}

export function addRedirectUrl(actor: Actor, id: string, url: string, ip: string | null) {
  return changeRedirectUrls(actor, id, ip, 'added', url, (c) => {
    if (c.redirectUrls.includes(url)) throw new DomainError('RedirectUrlDuplicate', { field: 'url' });
    if (c.redirectUrls.length >= MAX_REDIRECT_URLS) throw new DomainError('RedirectUrlLimit', { max: MAX_REDIRECT_URLS }, { field: 'url' });
    return [...c.redirectUrls, url];
  });
}

export function removeRedirectUrl(actor: Actor, id: string, url: string, ip: string | null) {
  return changeRedirectUrls(actor, id, ip, 'removed', url, (c) => {
    if (!c.redirectUrls.includes(url)) throw new DomainError('RedirectUrlNotFound');
    return c.redirectUrls.filter((u) => u !== url);
  });
}
