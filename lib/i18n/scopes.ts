/**
 * Which message namespaces the browser receives (issue 13 page weight): not the whole catalog on every page, only
 * what the client components under a layout translate. The root layout sends ROOT; a layout that wraps its pages in
 * <IntlScope scope="…"> (components/i18n/intl-scope.tsx) sends ROOT plus that area's namespaces instead (a nested
 * provider replaces its parent's messages). Server components translate from the full catalog on the server and
 * need nothing here. lib/i18n/scopes.test.ts walks every page's imports and fails when a client component uses a
 * namespace its scope does not send.
 */
export const ROOT_NAMESPACES = ['common', 'layout'] as const;

export const CLIENT_SCOPES = {
  auth: ['auth'],
  connections: ['connections'],
  connectors: ['connectors', 'grants', 'usage', 'webhooks'],
  groups: ['groups', 'grants', 'actions', 'messages', 'webhooks'],
  webhooks: ['webhooks'],
  settings: ['phone'],
  apiReference: ['apiReference'],
  oauth: ['oauth'],
  dev: ['phone'],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_SCOPES;

/** The namespaces a scope sends (ROOT included); ROOT alone without a scope. */
export function scopeNamespaces(scope?: ClientScope): string[] {
  return [...ROOT_NAMESPACES, ...(scope ? CLIENT_SCOPES[scope] : [])];
}

/** The part of a catalog the browser gets. */
export function pickNamespaces(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
}
