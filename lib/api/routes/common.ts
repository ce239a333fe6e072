import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';

/** Schema pieces shared by the platform routes. */

/** `true`/`1` (any case) in a query string */
export const flag = z
  .string()
  .optional()
  .transform((v) => ['true', '1'].includes((v ?? '').toLowerCase()));

/** a JSON boolean, or "true"/"false" as Kaizala clients also send */
export const boolish = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).transform((v) => v === true || String(v).toLowerCase() === 'true');

/** Community clients append `@N` to group ids. Not a UUID: 404 (the group cannot exist), never 400. */
export const groupIdParam = z
  .string()
  .transform((v) => v.replace(/@\d+$/, ''))
  .describe('Group id (a trailing `@N` is accepted)');

export function reachableId(id: string): string {
  if (!isUuid(id)) throw new DomainError('GroupNotReachable');
  return id;
}

export const phoneList = (field: string, max = 100) =>
  z
    .array(z.string().max(40, 'A phone number has at most 40 characters.'))
    .max(max, `At most ${max} phone numbers per call.`)
    .describe(`${field}: phone numbers in international format (E.164, e.g. "+14255550101"); at most ${max}`);

/** per-number problems of a partly successful call (Kaizala's community `failedResult`) */
export const failedResult = z
  .array(z.object({ mobileNumber: z.string(), errorCode: z.string(), errorReason: z.string() }))
  .optional()
  .describe('Numbers that were not added, each with the reason (only when some failed)');

export const resultTrue = z.object({ result: z.enum(['true', 'false']) });

/** `count` of a page: an integer in [1, max], as a number or a numeric string */
export const pageCount = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int('count must be a whole number.')
    .min(1, 'count must be at least 1.')
    .max(max, `count can be at most ${max}.`)
    .optional()
    .transform((v) => v ?? fallback)
    .describe(`Page size (default ${fallback}, at most ${max})`);

/** The fields every group item has, in group lists and in the sub-group tree (kaizala-connectors.md §5.1, §5.2). */
export const groupItemBase = {
  groupId: z.string(),
  groupName: z.string(),
  groupImageUrl: z.string(),
  hasSubGroups: z.boolean(),
  hasParentGroups: z.boolean(),
  isMappedToTenant: z.boolean(),
  groupType: z.enum(['Group', 'ConnectGroup']),
};
