/**
 * Every error the product can answer with, in one list (issue 08 §2): its code (Kaizala's `errorCode`
 * names where they exist, PascalCase for the rest), HTTP status, `errorCategoryKey`, and the English text
 * built from its parameters. Domain code throws a code and parameters (`new DomainError('PinWrong',
 * { left: 2 })`); the edges (/v1, server actions, pages) choose the status and the words from here, so the
 * portal can translate them by code. `wire` is the `errorCode` sent when several internal codes share a
 * Kaizala name (e.g. every access-token failure is `InvalidToken`); `oauth` is the RFC 6749 §5.2 `error`
 * value the OAuth token endpoint adds.
 */
import {
  GRANT_PROBLEMS,
  PHONE_PROBLEMS,
  PIN_LIMITS,
  plural,
  REFRESH_PROBLEMS,
  spec,
  type ErrorSpec,
  type GrantProblem,
  type PhoneProblem,
  type PinBudget,
  type RefreshProblem,
} from './spec';

export type { ErrorSpec, GrantProblem, PhoneProblem, PinBudget, RefreshProblem };

export const ERRORS = {
  // ---- requests (any /v1 route) --------------------------------------------------------------------
  InvalidParameters: spec<{ detail: string }>(400, 'InvalidParameters', (p) => p.detail),
  InvalidJson: spec(400, 'InvalidParameters', 'The body is not valid JSON.', { wire: 'InvalidParameters' }),
  MissingHeaders: spec<{ names: string[] }>(400, 'InvalidParameters', (p) => `Missing header${p.names.length > 1 ? 's' : ''}: ${p.names.join(', ')}.`, {
    wire: 'InvalidParameters',
  }),
  HeaderTooLong: spec<{ name: string }>(400, 'InvalidParameters', (p) => `The ${p.name} header is too long.`, { wire: 'InvalidParameters' }),
  NotFound: spec(404, 'ResourceNotFound', 'The requested resource does not exist.'),
  MethodNotAllowed: spec<{ method: string; allow: string }>(405, 'InvalidParameters', (p) => `${p.method} is not allowed here. Allowed: ${p.allow}.`),
  PayloadTooLarge: spec(413, 'InvalidParameters', 'The body is larger than 1 MiB.'),
  UnsupportedMediaType: spec<{ accepted: string }>(415, 'InvalidParameters', (p) => `Send the body as ${p.accepted}.`),
  RequestHeaderFieldsTooLarge: spec(431, 'InvalidParameters', 'The request headers are too large.'),
  TooManyRequests: spec<{ scope: 'connector' | 'tenant' | 'failures'; limit: number; retryAfter: number }>(429, 'TooManyRequests', (p) =>
    p.scope === 'failures'
      ? `Too many failed sign-in attempts. Retry after ${p.retryAfter} seconds.`
      : `Rate limit exceeded (${p.limit} calls per minute for this ${p.scope === 'connector' ? 'connector' : 'organization'}). Retry after ${p.retryAfter} seconds.`,
  ),
  ServiceUnavailable: spec(503, 'ServerError', 'The service is briefly unavailable. Try again in a moment.'),
  InternalError: spec(500, 'ServerError', 'Something went wrong on our side. Nothing was changed; please try again.'),

  // ---- server actions ----------------------------------------------------------------------------------
  SessionEnded: spec(401, 'AuthException', 'Your session has ended. Sign in again to continue.'),
  ValidationFailed: spec(400, 'InvalidParameters', 'Please correct the highlighted fields.'),

  // ---- token service and access tokens (kaizala-connectors.md §4.7) --------------------------------
  Unauthenticated: spec(401, 'AuthException', 'Dont have correct applicationId and secret in header!'),
  UnknownApplication: spec(401, 'AuthException', 'Unknown applicationId, or the connector is deactivated.', { wire: 'Unauthenticated' }),
  TokenMissing: spec(401, 'AuthException', 'Token missing. Header should have token as value of ACCESSTOKEN', { wire: 'InvalidToken' }),
  TokenExpired: spec(401, 'AuthException', 'Invalid token. Failure reason:the token has expired', { wire: 'InvalidToken' }),
  InvalidToken: spec(401, 'AuthException', 'Invalid token. Failure reason:Token validation failed due to unknown reason!'),
  TokenRevoked: spec(401, 'AuthException', 'Invalid token. Failure reason: the connector was removed from this group or the token was revoked.', {
    wire: 'InvalidToken',
  }),
  RefreshTokenInvalid: spec<{ why: RefreshProblem }>(401, 'AuthException', (p) => `Invalid refresh token: ${REFRESH_PROBLEMS[p.why]}`, {
    wire: 'InvalidToken',
  }),
  MissingPermission: spec<{ permission: string }>(
    403,
    'AuthorizationException',
    (p) => `This connector does not have the "${p.permission}" permission needed here.`,
    { wire: 'Forbidden' },
  ),
  UserContextMissing: spec(403, 'AuthorizationException', 'A group token acts for a group, not a user. Use a user token (portal, PIN or OAuth) for /users/me.'),
  GroupNotReachable: spec(404, 'ResourceNotFound', 'The group does not exist or this token cannot reach it.', { wire: 'GroupNotFound' }),

  // ---- OAuth 2.0 (RFC 6749 names in `error`) --------------------------------------------------------
  InvalidClient: spec(400, 'AuthException', 'This application (client_id) is not known.', { oauth: 'invalid_client' }),
  InvalidRedirectUri: spec(
    400,
    'AuthException',
    'The redirect_uri is not registered for this connector. Its developer must add it on the connector page first.',
    { oauth: 'invalid_request' },
  ),
  AccessDenied: spec(400, 'AuthException', 'This connector is deactivated.', { oauth: 'access_denied' }),
  InvalidGrant: spec<{ why: GrantProblem }>(400, 'AuthException', (p) => GRANT_PROBLEMS[p.why], { oauth: 'invalid_grant' }),

  // ---- portal: who may do what -----------------------------------------------------------------------
  Forbidden: spec(403, 'AuthorizationException', 'You do not have permission to do this.'),
  ResourceNotFound: spec(404, 'ResourceNotFound', 'Not found.', { wire: 'NotFound' }),

  // ---- phone numbers and PINs ------------------------------------------------------------------------
  InvalidPhone: spec<{ problem: PhoneProblem }>(400, 'InvalidParameters', (p) => PHONE_PROBLEMS[p.problem]),
  PhoneTaken: spec(409, 'Conflict', 'This number is already verified by another user of your organization.'),
  PhoneAlreadyVerified: spec(409, 'Conflict', 'You have already verified this number.'),
  PhoneNotFound: spec(404, 'ResourceNotFound', 'That phone number was not found.'),
  PhoneNotVerified: spec(400, 'InvalidParameters', 'Verify this number with a PIN before making it active.'),
  NoPhone: spec(400, 'InvalidParameters', 'Register and verify a phone number first: it is your identity inside groups.'),
  SmsFailed: spec(503, 'ServerError', 'We could not send the SMS right now. No PIN was sent; please try again in a moment.'),
  // waitUnit/waitCount: the same wait for translations (the portal's errors.json)
  PinSendLimit: spec<{ budget: PinBudget; wait: string; waitUnit?: 'second' | 'minute'; waitCount?: number }>(429, 'TooManyRequests', (p) =>
    PIN_LIMITS[p.budget](p.wait),
  ),
  PinNotFound: spec(400, 'InvalidParameters', 'No PIN was sent to this number. Select "Generate PIN" first.'),
  PinUsed: spec(400, 'InvalidParameters', 'This PIN has already been used. Generate a new PIN.'),
  PinLocked: spec(429, 'TooManyRequests', 'Too many wrong attempts: this PIN no longer works. Generate a new PIN.'),
  PinExpired: spec(400, 'InvalidParameters', 'This PIN has expired (PINs are valid for 10 minutes). Generate a new PIN.'),
  PinWrong: spec<{ left: number }>(400, 'InvalidParameters', (p) => `That PIN is not correct. ${plural(p.left, 'attempt')} left.`),

  // ---- connectors and grants -------------------------------------------------------------------------
  ConnectorNotFound: spec(404, 'ResourceNotFound', 'This connector does not exist or was deleted.'),
  SecretNotFound: spec(404, 'ResourceNotFound', 'This secret no longer exists.'),
  ConfirmationMismatch: spec<{ name: string }>(400, 'InvalidParameters', (p) => `Type the connector name "${p.name}" exactly to confirm.`),
  ConnectorNameTaken: spec(409, 'Conflict', 'Your organization already has a connector with this name. Pick another name.'),
  RedirectUrlDuplicate: spec(409, 'Conflict', 'This redirect URL is already registered.'),
  RedirectUrlLimit: spec<{ max: number }>(400, 'InvalidParameters', (p) => `A connector can have at most ${p.max} redirect URLs.`),
  RedirectUrlNotFound: spec(404, 'ResourceNotFound', 'This redirect URL is not registered.'),
  ConnectorInactive: spec<{ for: 'grant' | 'userToken' }>(409, 'Conflict', (p) =>
    p.for === 'grant'
      ? 'This connector is deactivated: it cannot be added to a group until it is activated again.'
      : 'This connector is deactivated: activate it before generating a user token.',
  ),
  ConnectorNotInOrganization: spec(404, 'ResourceNotFound', 'That connector was not found in your organization.'),
  ConnectorAlreadyAdded: spec(409, 'Conflict', 'This connector is already added to the group.'),
  GrantNotFound: spec(404, 'ResourceNotFound', 'This connector is no longer added to the group.'),
  GrantTokenMissing: spec(404, 'ResourceNotFound', 'This grant has no live token. Regenerate one.'),

  // ---- groups ----------------------------------------------------------------------------------------
  GroupNotFound: spec(404, 'ResourceNotFound', 'This group does not exist or you cannot see it.'),
  GroupConfirmationMismatch: spec<{ name: string }>(400, 'InvalidParameters', (p) => `Type the group name "${p.name}" exactly to confirm.`),
  MemberNotFound: spec(404, 'ResourceNotFound', 'This member is not in the group.'),
  MemberDuplicate: spec(409, 'Conflict', 'This number is already a member of the group.'),
  LastAdmin: spec(409, 'Conflict', 'A group needs at least one admin. Promote another member first.'),
  SubGroupCycle: spec(400, 'InvalidParameters', 'A group cannot be a sub-group of itself or of its own sub-groups.'),
  CrossTenant: spec(403, 'AuthorizationException', 'Sub-groups can only be added under groups of your own organization.'),
  LinkTargetNotFound: spec(404, 'ResourceNotFound', 'That group was not found.'),
  SubGroupDuplicate: spec(409, 'Conflict', 'That group is already a sub-group here.'),
  SubGroupNotLinked: spec(404, 'ResourceNotFound', 'That group is not a sub-group here.'),

  // ---- platform API writes (kaizala-connectors.md §5.1–§5.4) -------------------------------------------
  NotGroupAdmin: spec(403, 'AuthorizationException', 'This token acts for a member of the group, not an admin: only admins can change the group.'),
  NotConnectGroup: spec(
    400,
    'InvalidParameters',
    'This group is not a ConnectGroup (Managed Public group): it has members, not subscribers. Use /members instead.',
  ),
  ConnectGroupNeedsTenantToken: spec(
    403,
    'AuthorizationException',
    "A ConnectGroup (Managed Public group) can only be created with a tenant-level user token (an org admin's user token).",
  ),
  GroupNeedsAdmin: spec(
    400,
    'InvalidParameters',
    'The new group needs an admin, and this token acts for no phone number: send members (the first becomes admin) or use a user token.',
  ),
  SubscriberCannotPost: spec(
    403,
    'AuthorizationException',
    'This token acts for a subscriber of the group: subscribers receive its messages, only its admins and members post.',
  ),
  InvalidCursor: spec(400, 'InvalidParameters', 'The cursor is not valid here. Send the cursor of the previous page unchanged, or none for the first page.'),
  // ---- Actions (kaizala-connectors.md §5.7–§5.9) -------------------------------------------------------
  UnknownActionType: spec<{ given: string }>(
    400,
    'InvalidParameters',
    (p) =>
      `${p.given ? `"${p.given}" is not an action type we can create` : 'Send actionType (or the id of an Action package)'}: use Announcement, Job, Poll, Survey, LetsMeet, Image, Audio, Document, Video or Album (media types post an upload from /v1/media).`,
  ),
  MediaResourceUnusable: spec<{ field: string }>(
    400,
    'InvalidParameters',
    (p) =>
      `${p.field}: this mediaResource does not exist or cannot be used here. Upload the file with POST /v1/media using a token of this connector, then send the mediaResource it returned.`,
  ),
  MediaKindMismatch: spec<{ field: string; expected: string; actual: string }>(
    400,
    'InvalidParameters',
    (p) =>
      `${p.field}: this upload is ${p.actual === 'image' || p.actual === 'audio' ? 'an' : 'a'} ${p.actual} file; it must be ${p.expected === 'image' || p.expected === 'audio' ? 'an' : 'a'} ${p.expected} file here.`,
  ),
  ActionPackageNotFound: spec(
    404,
    'ResourceNotFound',
    'There is no Action package with this id in your organization. Register it with PUT /v1/actionPackages/{id} first.',
  ),
  PackageNeedsTenantToken: spec(
    403,
    'AuthorizationException',
    "Action packages belong to the whole organization: register or delete them with a tenant-level user token (an org admin's user token).",
  ),
  AssigneesNotMembers: spec<{ numbers: string[] }>(
    400,
    'InvalidParameters',
    (p) => `actionBody.assignedTo: ${p.numbers.join(', ')} ${p.numbers.length === 1 ? 'is not a member' : 'are not members'} of this group.`,
  ),
  ActionNotFound: spec(404, 'ResourceNotFound', 'This action does not exist in this group.'),
  ActionTypeMismatch: spec<{ actual: string }>(400, 'InvalidParameters', (p) => `actionType: this action is a ${p.actual}.`),
  ActionNotRespondable: spec<{ actionType: string }>(
    400,
    'InvalidParameters',
    (p) =>
      `${p.actionType === 'LetsMeet' ? 'A Let’s Meet invitation' : p.actionType === 'Announcement' ? 'An announcement' : `${/^[AEIOU]/.test(p.actionType) ? 'An' : 'A'} ${p.actionType.toLowerCase()}${p.actionType === 'Album' ? '' : ' attachment'}`} takes no responses here.`,
  ),
  ActionExpired: spec(409, 'Conflict', 'This action has expired: it no longer takes responses.'),
  ResponseExists: spec(409, 'Conflict', 'You have already responded, and this action takes one response per member. Send your responseId to change it.'),
  ResponseNotFound: spec(404, 'ResourceNotFound', 'No response of yours with this responseId.'),
  NotAssignee: spec(403, 'AuthorizationException', 'This job is not assigned to you: only its assignees can complete it.'),
  ResponderNotPerson: spec(
    403,
    'AuthorizationException',
    'Responses come from members: use a user token from PIN or OAuth sign-in, which acts for a member of the group. A connector is not a member.',
  ),
  SubscriberCannotRespond: spec(403, 'AuthorizationException', 'Subscribers of a ConnectGroup do not see its actions; only its admins and members respond.'),
  IdempotencyKeyInvalid: spec(400, 'InvalidParameters', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.'),
  IdempotencyKeyReused: spec(
    422,
    'InvalidParameters',
    'This Idempotency-Key was already used with another request (method, path or body). Use a new key for a new request.',
  ),
  IdempotencyKeyInUse: spec(409, 'Conflict', 'A request with this Idempotency-Key is still running. Retry after it has finished.'),

  // ---- media, bots, reactions (kaizala-connectors.md §5.6, §5.10, §5.11) ------------------------------------
  MediaTypeNotSupported: spec<{ extensions: string }>(
    415,
    'InvalidParameters',
    (p) => `This file type is not supported. Send one of ${p.extensions} (the content is checked, not the declared type or name).`,
  ),
  MediaTooLarge: spec<{ kind: 'image' | 'audio' | 'video' | 'document' | 'file'; maxBytes: number }>(413, 'InvalidParameters', (p) =>
    p.kind === 'file'
      ? `The upload is larger than ${mibText(p.maxBytes)}, the largest file allowed.`
      : `The ${p.kind} file is larger than ${mibText(p.maxBytes)}, the limit for ${p.kind} files.`,
  ),
  MediaFileMissing: spec(400, 'InvalidParameters', 'Send the file as a multipart/form-data part named files (or FileName).'),
  MediaNotFound: spec(404, 'ResourceNotFound', 'This media resource does not exist or this token cannot reach it.'),
  MediaLinkInvalid: spec(403, 'AuthorizationException', 'This media link is not valid. Ask for a new link.'),
  MediaLinkExpired: spec(403, 'AuthorizationException', 'This media link has expired. Ask for a new link.'),
  // the portal's survey answers with files (a member uploads from the card)
  AnswerFileType: spec<{ expected: 'image' | 'any' }>(415, 'InvalidParameters', (p) =>
    p.expected === 'image'
      ? 'Choose a JPEG or PNG picture. The file’s content is checked, not only its name.'
      : 'This type of file cannot be attached. Choose a picture (JPEG, PNG), a sound (MP3, WAV), a video (MP4, 3GPP), a PDF or an Office document. The file’s content is checked, not only its name.',
  ),
  AnswerFileTooLarge: spec<{ maxMb: number }>(413, 'InvalidParameters', (p) => `This file is larger than ${p.maxMb} MB, the limit for files of its kind.`),
  AnswerNeedsMembership: spec(403, 'AuthorizationException', 'Only members of this group can answer it with files.'),
  AnswerFileUnusable: spec(400, 'InvalidParameters', 'This file is no longer available. Remove it and choose it again.'),
  RangeNotSatisfiable: spec<{ size: number }>(416, 'InvalidParameters', (p) => `The requested range is outside the file (${p.size} bytes).`),
  BotNotFound: spec(404, 'ResourceNotFound', 'This bot does not exist or belongs to another connector.'),
  BotNotInGroup: spec(403, 'AuthorizationException', 'This bot is not in the group. Add it with POST /v1/groups/{groupId}/bot first.'),
  BotTokenNotAllowed: spec(403, 'AuthorizationException', 'A bot access token can only post messages to the groups its bot is in.'),
  ReactionTargetNotFound: spec(404, 'ResourceNotFound', 'No message or action with this referenceId was sent in the source group.'),
  SourceGroupNotInHierarchy: spec(400, 'InvalidParameters', 'sourceGroupId must be this group or one of its parent groups.'),
  WebhookNotFound: spec(404, 'ResourceNotFound', 'There is no webhook with this id for this connector.'),
  WebhookUrlRefused: spec<{ reason: string }>(400, 'InvalidParameters', (p) => p.reason),
  WebhookValidationFailed: spec<{ detail: string }>(
    400,
    'InvalidParameters',
    (p) => `The callback URL did not pass validation: we sent GET with validationToken and expected the token back as plain text within 5 s; ${p.detail}.`,
  ),
  WebhookDisabled: spec(409, 'InvalidParameters', 'This webhook is disabled. Re-enable it first.'),
  SubscriberCannotReact: spec(403, 'AuthorizationException', 'This token acts for a subscriber of the group: only its admins and members react.'),

  // ---- Connections (product.md §9) ----------------------------------------------------------------------
  ServiceNotFound: spec(404, 'ResourceNotFound', 'This service does not exist in your organization.'),
  ServiceNameTaken: spec(409, 'Conflict', 'Your organization already has a service with this name.'),
  ConnectionNotFound: spec(404, 'ResourceNotFound', 'There is no connection with this link name in your organization.'),
  LinkNameTaken: spec(409, 'Conflict', 'Your organization already has a connection with this link name.'),
  ConnectionNeedsReconnect: spec(
    409,
    'Conflict',
    'This connection needs to be reconnected: the provider no longer accepts its authorization. An org admin reconnects it on the Connections page.',
  ),
  ConnectionRevoked: spec(409, 'Conflict', 'This connection was revoked. An org admin connects it again on the Connections page.'),
  ConnectionUrlNotAllowed: spec<{ reason: string }>(400, 'InvalidParameters', (p) => p.reason),
  ConnectionHeaderNotAllowed: spec<{ header: string }>(
    400,
    'InvalidParameters',
    (p) => `headers: ${p.header} cannot be sent through a connection (the connection sets its own credential and the transport headers).`,
  ),
  ConnectionBodyNotAllowed: spec(400, 'InvalidParameters', 'body: a GET request has no body.'),
  ConnectionCredentialMissing: spec(400, 'InvalidParameters', 'Enter the credential this service uses.'),
  ConnectionUpstreamFailed: spec<{ reason: string }>(502, 'UpstreamError', (p) => `The provider could not be called: ${p.reason}`),
  ConnectionResponseTooLarge: spec<{ maxBytes: number }>(
    502,
    'UpstreamError',
    (p) => `The provider's answer is larger than ${mibText(p.maxBytes)}, the most a connection passes on.`,
  ),
  ConnectionRefreshFailed: spec(
    502,
    'UpstreamError',
    'The provider did not renew the access token just now (it was unreachable or busy). Try again in a moment.',
  ),
} as const;

function mibText(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return `${Number.isInteger(v) ? v : v.toFixed(1)} MiB`;
}

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> = (typeof ERRORS)[C] extends ErrorSpec<infer P> ? P : never;
