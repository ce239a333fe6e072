import { z } from 'zod';
import { ACTION_TYPES, actionTypeOf, field, parseActionBody, type ActionType, type ResponseInput } from '@/lib/actions';
import { DomainError } from '@/lib/errors';
import { createActionViaApi, getActionViaApi, listActionsViaApi, respondViaApi, type CreateActionInput } from '@/lib/platform';
import { isUuid } from '@/lib/utils';
import { route } from '../route';
import { boolish, flag, groupIdParam, pageCount, reachableId } from './common';

/**
 * Actions (kaizala-connectors.md §5.7–§5.9). Permission: Action & Responses. Bodies are read without regard
 * to the case of their field names (`actionType`/`ActionType`, `actionBody`/`ActionBody`, and inside it
 * `title`/`Title`, `Message`/`message`, …: Kaizala's samples use both). Writes: one transaction with the
 * event row; reads: one statement.
 */
const params = z.object({ groupId: groupIdParam });
const actionParams = z.object({ groupId: groupIdParam, actionId: z.string().max(64).describe('The `actionId` returned when the action was created') });

const record = z.record(z.string(), z.unknown());
const sender = z.object({ type: z.enum(['Member', 'Connector', 'Bot']), name: z.string(), mobileNumber: z.string().optional() });

const createBody = z.object({
  actionType: z
    .string()
    .max(64)
    .optional()
    .describe(`${ACTION_TYPES.join(' | ')} (\`ActionType\` is accepted too)`),
  ActionType: z.string().max(64).optional(),
  id: z
    .string()
    .max(128)
    .optional()
    .describe(
      'The id of an Action package of the organization (PUT /v1/actionPackages/{id}) instead of actionType: a Custom action with the package’s questions; actionBody may set title, validity (hours) and properties: [{ name, type, value }]',
    ),
  actionBody: record
    .optional()
    .describe(
      'Image | Audio | Video | Document: { mediaResource, caption? } · Album: { mediaResources: [1–10 pictures], caption? } (uploads from POST /v1/media that this token may use here, of the type’s kind) · Announcement: { title, message, mediaResources[] } · Job: { title, assignedTo: [phones], dueDate (hours, default 24) } · Poll: { question, choices: [{ title, image? }], expiryInHours (default 720), isSenderOnly? } · Survey: { title, dueDate (hours, default 24), isAnonymous?, isSenderOnly?, acceptMultipleResponses?, questions: [{ title, type: SingleOption|MultiOption|Text|Image|Numeric|Date|DateTime|Location|AttachmentList, options?: [{ title }], isInvisible? }] } · LetsMeet: { title, startingTime (ISO), durationInMins (default 30), place?: { latitude, longitude, name }, agenda?, isSenderOnly? }. Field names in any case.',
    ),
  ActionBody: record.optional(),
  subscribers: z
    .array(z.string())
    .max(1000)
    .optional()
    .describe('ConnectGroups, admins only: send to these subscribers (numbers that do not subscribe come back in failedResult)'),
  sendToAllSubscribers: boolish.optional().describe('ConnectGroups, admins only: send to every subscriber (else only admins and members see it)'),
});

const respondBody = z.object({
  actionType: z.string().max(64).optional().describe('Optional: when sent, it must be the action’s type'),
  ActionType: z.string().max(64).optional(),
  id: z.string().max(128).optional(),
  responseId: z.string().max(64).optional().describe('Change this earlier response of yours instead of adding one'),
  ResponseId: z.string().max(64).optional(),
  actionBody: record
    .optional()
    .describe(
      'Job: { isCompleted: true | false } · Poll and Survey: { answers: [...] } positional, one per question: a string for SingleOption (the option’s title or its index), Text and Image; string[] for MultiOption and AttachmentList; a number for Numeric; epoch ms for Date and DateTime; { lt, lg, n } for Location. `Answers` is accepted too; `responseName` and `responseLocation` are accepted and ignored.',
    ),
  ActionBody: record.optional(),
});

/** `actionType`, or `id` (an Action package of the organization, looked up when the action is written: 404 when there is none). */
function createInput(body: z.infer<typeof createBody>): CreateActionInput {
  const given = body.actionType ?? body.ActionType;
  const actionBody = body.actionBody ?? body.ActionBody;
  const audience = { sendToAllSubscribers: body.sendToAllSubscribers ?? false, subscribers: body.subscribers ?? [] };
  if (given === undefined && body.id !== undefined) return { packageId: body.id, actionBody, ...audience };
  const type: ActionType = actionTypeOf(given);
  return { def: parseActionBody(type, actionBody), ...audience };
}

function responseInput(body: z.infer<typeof respondBody>): ResponseInput {
  const ab = body.actionBody ?? body.ActionBody ?? {};
  const responseId = body.responseId ?? body.ResponseId;
  if (responseId !== undefined && !isUuid(responseId)) throw new DomainError('ResponseNotFound');
  const given = body.actionType ?? body.ActionType;
  const base = { ...(responseId ? { responseId } : {}), ...(given !== undefined ? { actionType: actionTypeOf(given) } : {}) };
  const done = field(ab, 'isCompleted');
  if (done !== undefined) {
    const parsed = boolish.safeParse(done);
    if (!parsed.success) throw new DomainError('InvalidParameters', { detail: 'actionBody.isCompleted: must be true or false.' });
    return { ...base, kind: 'job', isCompleted: parsed.data };
  }
  return { ...base, kind: 'answers', answers: field(ab, 'answers') };
}

const actionItem = z.object({
  referenceId: z.string(),
  actionId: z.string(),
  actionType: z.enum(ACTION_TYPES),
  sender,
  sentAt: z.number().int().describe('epoch ms'),
  actionBody: record.describe(
    'Image: { actionId, caption, mediaResource, mediaUrl, imageUrl, files } · Album: { …, imageUrls, mediaResources, files } · Audio, Video, Document: { actionId, caption, mediaResource, mediaUrl, files } (files: [{ mediaResource, mediaUrl (signed, 15 min), fileName, mimeType, kind, size }]) · Job: { actionId, title, assigneeCount, responseCount, isCompleted, dueDate } · Poll: { actionId, question, isSenderOnly, expiryDate, choices, responseCount } · LetsMeet: { actionId, title, startingTime, agenda, duration, isSenderOnly, place } · Survey: { actionId, title, responseCount, expiryDate } · Announcement: { actionId, title, message, mediaResources } (dates in epoch ms)',
  ),
});

const DETAIL_SUMMARY =
  'One action: `{ actionType, actionDetails, sender, sentAt }`; with getDetails=true `actionDetails.responses` lists every response the token may see (an anonymous survey names no responder).';

/** GET one action; also at Kaizala's documented `…/{actionId}/` (with the trailing slash). */
const detailRoute = (path: string, summary: string) =>
  route({
    method: 'GET',
    path,
    permission: 'action',
    tag: 'Actions',
    summary,
    params: actionParams,
    query: z.object({ getDetails: flag.describe('true: include the responses') }),
    response: z.object({ actionType: z.enum(ACTION_TYPES), actionDetails: record, sender, sentAt: z.number().int() }),
    handler: async ({ params, query, claims }) => {
      const groupId = reachableId(params.groupId);
      if (!isUuid(params.actionId)) throw new DomainError('ActionNotFound');
      return getActionViaApi(claims!, groupId, params.actionId, query.getDetails);
    },
  });

export const actionRoutes = [
  route({
    method: 'POST',
    path: '/groups/{groupId}/actions',
    permission: 'action',
    tag: 'Actions',
    summary:
      'Post an Announcement, Job, Poll, Survey, LetsMeet or a media action (Image, Audio, Video, Document, Album). A PIN/OAuth user token posts as its member, every other token as the connector. Writes the action and its JobCreated / SurveyCreated / Announcement / ActionCreated / AttachmentCreated event in one transaction; uploads it carries become viewable by the group. 400 MediaResourceUnusable / MediaKindMismatch name the field of a bad upload.',
    params,
    body: createBody,
    response: z.object({
      referenceId: z.string(),
      actionId: z.string(),
      failedResult: z
        .array(z.object({ mobileNumber: z.string(), errorCode: z.string(), errorReason: z.string() }))
        .optional()
        .describe('targeted numbers that were not reached'),
    }),
    handler: async ({ params, body, claims, ip }) => {
      const groupId = reachableId(params.groupId);
      return createActionViaApi(claims!, groupId, createInput(body), ip);
    },
  }),
  route({
    method: 'GET',
    path: '/groups/{groupId}/actions',
    permission: 'action',
    tag: 'Actions',
    summary: 'Actions of the group, newest first, `count` at a time; `hasMore` says whether older ones exist (pass the last `sentAt` as `fromDate`).',
    params,
    query: z.object({
      actionType: z.string().max(64).optional().describe('Only this type (Kaizala requires it; without it: every type, ours)'),
      fromDate: z.coerce
        .number()
        .int('fromDate must be epoch milliseconds.')
        .min(0, 'fromDate must be epoch milliseconds.')
        .optional()
        .describe('epoch ms: only actions sent before this time'),
      count: pageCount(30, 200),
    }),
    response: z.object({ actions: z.array(actionItem), hasMore: z.boolean() }),
    handler: async ({ params, query, claims }) =>
      listActionsViaApi(claims!, reachableId(params.groupId), {
        actionType: query.actionType ? actionTypeOf(query.actionType) : null,
        fromDate: query.fromDate ?? null,
        count: query.count,
      }),
  }),
  detailRoute('/groups/{groupId}/actions/{actionId}', DETAIL_SUMMARY),
  detailRoute('/groups/{groupId}/actions/{actionId}/', `${DETAIL_SUMMARY} (Kaizala’s documented path, with the trailing slash)`),
  route({
    method: 'POST',
    path: '/groups/{groupId}/actions/{actionId}/responses',
    permission: 'action',
    tag: 'Actions',
    summary:
      'Respond as a member (PIN/OAuth user token only; 403 for group and tenant tokens): a job’s `isCompleted`, a poll’s or survey’s positional `answers` (400 names the question of a wrong answer). 409 after expiry, and for a second response where only one is taken (send `responseId` to change yours).',
    params: actionParams,
    body: respondBody,
    response: z.object({ responseId: z.string() }),
    handler: async ({ params, body, claims, ip }) => {
      const groupId = reachableId(params.groupId);
      if (!isUuid(params.actionId)) throw new DomainError('ActionNotFound');
      return respondViaApi(claims!, groupId, params.actionId, responseInput(body), ip);
    },
  }),
];
