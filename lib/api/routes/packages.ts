import { z } from 'zod';
import { QUESTION_TYPES } from '@/lib/actions';
import { deletePackageViaApi, listPackagesViaApi, putPackageViaApi } from '@/lib/platform';
import { route } from '../route';
import { resultTrue } from './common';

/**
 * The Action-package registry (ours: Kaizala registered custom Actions in its portal; kaizala-connectors.md
 * §5.8 creates instances by package `id`). Permission: Tenant Data; writes need a tenant-level token.
 */
const params = z.object({ packageId: z.string().max(128).describe('The package id clients send as `id`, e.g. com.contoso.checkin (letters, digits, . _ -)') });
const question = z.object({
  title: z.string(),
  type: z.enum(QUESTION_TYPES),
  options: z.array(z.object({ title: z.string() })).optional(),
  isInvisible: z.boolean().optional(),
});
const pkg = z.object({
  id: z.string(),
  name: z.string(),
  template: z.object({
    title: z.string(),
    dueInHours: z.number(),
    isAnonymous: z.boolean(),
    isSenderOnly: z.boolean(),
    acceptMultipleResponses: z.boolean(),
    questions: z.array(question),
  }),
  createdAt: z.number().int().describe('epoch ms'),
  updatedAt: z.number().int().describe('epoch ms'),
});

export const packageRoutes = [
  route({
    method: 'GET',
    path: '/actionPackages',
    permission: 'tenantdata',
    tag: 'Action packages',
    summary: 'The organization’s Action packages (custom actions), by id',
    response: z.object({ actionPackages: z.array(pkg) }),
    handler: async ({ claims, ip }) => listPackagesViaApi(claims!, ip),
  }),
  route({
    method: 'PUT',
    path: '/actionPackages/{packageId}',
    permission: 'tenantdata',
    tag: 'Action packages',
    summary:
      'Register an Action package, or replace the name and template of the one with this id (tenant-level token; audited). Actions already sent keep the template they were sent with.',
    params,
    body: z
      .record(z.string(), z.unknown())
      .describe(
        '{ name, title? (default: name), questions: [{ title, type, options?, isInvisible? }] as a Survey’s, dueDate | validity? (hours, default 24), isAnonymous?, isSenderOnly?, acceptMultipleResponses? } (field names in any case)',
      ),
    response: pkg,
    handler: async ({ params, body, claims, ip }) => putPackageViaApi(claims!, params.packageId, body, ip),
  }),
  route({
    method: 'DELETE',
    path: '/actionPackages/{packageId}',
    permission: 'tenantdata',
    tag: 'Action packages',
    summary: 'Delete an Action package (tenant-level token; audited): no new actions from it; those already sent stay',
    params,
    response: resultTrue,
    handler: async ({ params, claims, ip }) => deletePackageViaApi(claims!, params.packageId, ip),
  }),
];
