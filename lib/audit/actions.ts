/**
 * Every action the audit log knows: one union, each with the label the portal shows. Isomorphic (the
 * audit page's filter lists them). Adding an audited action means adding it here first.
 */
export const AUDIT_ACTION_LABELS = {
  'user.signed_in': 'Signed in',
  'user.signed_out': 'Signed out',
  'phone.activated': 'Phone number made active',
  'phone.removed': 'Phone number removed',
  'pin.sent': 'PIN sent',
  'pin.send_failed': 'PIN could not be sent',
  'pin.send_limited': 'PIN sending limited',
  'pin.verified': 'PIN verified',
  'pin.failed': 'Wrong PIN entered',
  'pin.locked': 'PIN locked after wrong tries',
  'connector.created': 'Connector created',
  'connector.updated': 'Connector renamed or described',
  'connector.activated': 'Connector activated',
  'connector.deactivated': 'Connector deactivated',
  'connector.deleted': 'Connector deleted',
  'connector.secret_revealed': 'Connector secret shown or copied',
  'connector.secret_rotated': 'Connector secret rotated',
  'connector.redirect_url_added': 'Redirect URL added',
  'connector.redirect_url_removed': 'Redirect URL removed',
  'grant.created': 'Connector added to a group',
  'grant.removed': 'Connector removed from a group',
  'grant.token_revealed': 'Group token shown or copied',
  'grant.token_regenerated': 'Group token regenerated',
  'grant.user_token_generated': 'User token generated',
  'oauth.code_replayed': 'OAuth code used twice',
  'refresh_token.replay_detected': 'Spent refresh token presented (family revoked)',
  'token.auth_failed': 'Wrong connector credentials',
  'token.auth_failure_budget_exceeded': 'Too many wrong connector credentials',
  'group.created': 'Group created',
  'group.updated': 'Group renamed or welcome message changed',
  'group.deleted': 'Group deleted',
  'group.subgroup_created': 'Sub group created',
  'group.subgroup_linked': 'Sub group linked',
  'group.subgroup_unlinked': 'Sub group unlinked',
  'group.member_added': 'Member added',
  'group.members_added': 'Members added',
  'group.member_removed': 'Member removed',
  'group.member_role_changed': 'Member role changed',
  'group.subscribers_added': 'Subscribers added',
  'group.subscribers_removed': 'Subscribers removed',
  'group.bot_added': 'Bot added to a group',
  'bot.created': 'Bot created',
  'bot.updated': 'Bot changed',
  'bot.deleted': 'Bot deleted',
  'webhook.created': 'Webhook registered',
  'webhook.updated': 'Webhook changed',
  'webhook.enabled': 'Webhook re-enabled',
  'webhook.disabled': 'Webhook disabled',
  'webhook.deleted': 'Webhook deleted',
  'webhook.redelivered': 'Webhook deliveries sent again',
  'webhook.test_sent': 'Webhook test event sent',
  'webhook.secret_revealed': 'Webhook secret shown or copied',
  'webhook.secret_rotated': 'Webhook secret rotated',
  'connection.service_created': 'Connections service added',
  'connection.service_deleted': 'Connections service deleted',
  'connection.created': 'Connection created',
  'connection.reconnected': 'Connection reconnected',
  'connection.authorization_failed': 'Connection authorization failed',
  'connection.needs_reconnect': 'Connection needs reconnect',
  'connection.refresh_failed': 'Connection token refresh failed',
  'connection.revoked': 'Connection revoked',
  'connection.deleted': 'Connection deleted',
  'action_package.created': 'Action package registered',
  'action_package.updated': 'Action package changed',
  'action_package.deleted': 'Action package deleted',
  'authz.denied': 'Access refused',
  'audit.exported': 'Audit log exported',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The readable label; an action written before it was listed here shows as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** An action's label in the reader's language (the portal's `audit.actions.<action>` messages). */
export type ActionLabeler = (action: AuditAction) => string;

/**
 * Actions whose name or label contains `text` (free-text search matches labels too): the English label, and the
 * reader's when `label` gives it (a German reader finds "Connector erstellt" as well as "Connector created").
 */
export function actionsMatching(text: string, label?: ActionLabeler): AuditAction[] {
  const t = text.toLocaleLowerCase();
  return AUDIT_ACTIONS.filter(
    (a) => a.includes(t) || AUDIT_ACTION_LABELS[a].toLowerCase().includes(t) || (label ? label(a).toLocaleLowerCase().includes(t) : false),
  );
}
