import { z } from 'zod';
import { getMe } from '@/lib/platform';
import { route } from '../route';

export const userRoutes = [
  route({
    method: 'GET',
    path: '/users/me',
    permission: 'profile',
    tag: 'Users',
    summary: 'The user a user token acts for (403 for group tokens)',
    response: z.object({
      userId: z.string().nullable(),
      name: z.string().nullable(),
      phoneNumber: z.string().nullable(),
      email: z.string().nullable(),
      tenantId: z.string(),
      isTenantAdmin: z.boolean(),
    }),
    handler: async ({ claims }) => getMe(claims!),
  }),
];
