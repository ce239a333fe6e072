import { z } from 'zod';
import { PERMISSION_KEYS } from './permissions';

/**
 * https anywhere; plain http only for localhost (developer machines). No fragments (RFC 6749 §3.1.2).
 * Messages are keys of messages/<l>/connectors.json (`fields.*`): the portal shows them in the user's language.
 * These schemas serve the portal only (no /v1 route uses them).
 */
export const redirectUrlField = z
  .string()
  .trim()
  .max(2000, 'connectors.fields.urlTooLong')
  .refine((value) => {
    try {
      const u = new URL(value);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
      return (u.protocol === 'https:' || (u.protocol === 'http:' && local)) && !u.hash && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'connectors.fields.urlInvalid');

export const connectorDetailsSchema = z.object({
  name: z.string().trim().min(3, 'connectors.fields.nameTooShort').max(80, 'connectors.fields.nameTooLong'),
  description: z.string().trim().min(1, 'connectors.fields.descriptionMissing').max(300, 'connectors.fields.descriptionTooLong'),
  redirectUrl: z.union([z.literal(''), redirectUrlField]).optional(),
});

export const createConnectorSchema = connectorDetailsSchema.extend({
  permissions: z
    .array(z.enum(PERMISSION_KEYS, { error: 'connectors.fields.permissionUnknown' }))
    .min(1, 'connectors.fields.permissionsMissing')
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
