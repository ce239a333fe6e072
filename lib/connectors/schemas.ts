import { z } from 'zod';
import { PERMISSION_KEYS } from './permissions';

/** https anywhere; plain http only for localhost (developer machines). No fragments (RFC 6749 §3.1.2). */
export const redirectUrlField = z
  .string()
  .trim()
  .max(2000, 'That URL is too long (2,000 characters at most).')
  .refine((value) => {
    try {
      const u = new URL(value);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
      return (u.protocol === 'https:' || (u.protocol === 'http:' && local)) && !u.hash && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'Enter a full https:// URL (http:// only for localhost), without a #fragment.');

export const connectorDetailsSchema = z.object({
  name: z.string().trim().min(3, 'The connector name needs at least 3 characters.').max(80, 'The connector name can have at most 80 characters.'),
  description: z.string().trim().min(1, 'Add a short description of what the connector does.').max(300, 'The description can have at most 300 characters.'),
  redirectUrl: z.union([z.literal(''), redirectUrlField]).optional(),
});

export const createConnectorSchema = connectorDetailsSchema.extend({
  permissions: z
    .array(z.enum(PERMISSION_KEYS, { error: 'Unknown permission.' }))
    .min(1, 'Select at least one permission.')
    .transform((list) => [...new Set(list)]),
});
export type CreateConnectorInput = z.infer<typeof createConnectorSchema>;

/** Rename / describe a connector (the wizard's rules for both fields). */
export const updateConnectorSchema = connectorDetailsSchema.pick({ name: true, description: true }).extend({ id: z.uuid() });
export type UpdateConnectorInput = z.infer<typeof updateConnectorSchema>;

export const CONNECTOR_SORTS = ['name', 'owner', 'status', 'groups', 'created'] as const;
export type ConnectorSort = (typeof CONNECTOR_SORTS)[number];

export const listConnectorsSchema = z.object({
  view: z.enum(['mine', 'all']).catch('mine'),
  q: z.string().trim().max(80).catch(''),
  sort: z.enum(CONNECTOR_SORTS).catch('created'),
  /** the default order is newest first */
  dir: z.enum(['asc', 'desc']).catch('desc'),
  after: z.string().max(400).catch(''),
  before: z.string().max(400).catch(''),
});
export type ListConnectorsQuery = z.infer<typeof listConnectorsSchema>;

export const revealSecretSchema = z.object({ id: z.uuid(), secretId: z.uuid() });
export const rotateSecretSchema = z.object({ id: z.uuid(), overlap: z.enum(['7d', 'none']) });
export const setStatusSchema = z.object({ id: z.uuid(), status: z.enum(['active', 'inactive']) });
export const deleteConnectorSchema = z.object({ id: z.uuid(), confirmName: z.string() });
export const redirectUrlSchema = z.object({ id: z.uuid(), url: redirectUrlField });
export { CONNECTOR_PERMISSIONS } from './permissions';
