/**
 * Event names and their `data` (kaizala-connectors.md §6.3–§6.4), pure so webhooks and tests share them.
 * Our additive fields (a Kaizala receiver never notices them): `referenceId` on TextMessageCreated.
 */
export const EVENT_TYPES = [
  'ActionCreated',
  'ActionResponse',
  'SurveyCreated',
  'SurveyResponse',
  'JobCreated',
  'JobResponse',
  'TextMessageCreated',
  'AttachmentCreated',
  'Announcement',
  'MemberAdded',
  'MemberRemoved',
  'GroupAdded',
  'GroupRemoved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface MemberEventData {
  e164: string;
  name: string;
  role: 'Admin' | 'Member' | 'Subscriber';
}

/** `{ member, memberName, memberProfilePic, type }` (§6.4); `type` is the member's role. */
export function memberEventData(m: MemberEventData) {
  return { member: m.e164, memberName: m.name, memberProfilePic: '', type: m.role };
}

/**
 * `GroupAdded` / `GroupRemoved` (§6.4 documents no `data`; ours): the sub-group that was added to or removed
 * from the parent group whose webhooks hear it — `{ groupId, groupName, groupImageUrl, parentGroupId }`.
 */
export function subGroupEventData(child: { id: string; name: string; imageUrl?: string | null }, parentGroupId: string) {
  return { groupId: child.id, groupName: child.name, groupImageUrl: child.imageUrl ?? '', parentGroupId };
}

/** `{ text }` (§6.4), plus the message's `referenceId`. */
export function textMessageEventData(text: string, referenceId: string) {
  return { text, referenceId };
}

/** `Announcement` (§6.4): `{ title, text, media: [{ url, fileName }] }`, plus our `actionId` and `referenceId`. */
export function announcementEventData(a: { title: string; message: string; mediaResources: string[]; actionId: string; referenceId: string }) {
  return { title: a.title, text: a.message, media: a.mediaResources.map((url) => ({ url, fileName: '' })), actionId: a.actionId, referenceId: a.referenceId };
}

/** `JobCreated` (§6.4): `{ assignedTo, title, dueDate (ISO), actionId, groupId }`. */
export function jobCreatedEventData(j: { assignedTo: string[]; title: string; dueDate: Date; actionId: string; groupId: string }) {
  return { assignedTo: j.assignedTo, title: j.title, dueDate: j.dueDate.toISOString(), actionId: j.actionId, groupId: j.groupId };
}

/**
 * `ActionCreated` / `SurveyCreated` (§6.4 gives no sample of its own for creation): what was created —
 * `{ actionId, groupId, actionType, title, isAnonymous, expiryDate (ISO) , questions }` (ours).
 */
export function actionCreatedEventData(a: {
  actionId: string;
  groupId: string;
  actionType: string;
  title: string;
  isAnonymous: boolean;
  expiryDate: Date | null;
  questions: { title: string; type: string; options?: { title: string }[] }[];
}) {
  return { ...a, expiryDate: a.expiryDate ? a.expiryDate.toISOString() : null };
}

/** `JobResponse` (§6.4): `{ actionId, groupId, responseId, responseDetails: { response: { assignee, assigneeName, assigneeProfilePic, isCompleted } } }`. */
export function jobResponseEventData(r: {
  actionId: string;
  groupId: string;
  responseId: string;
  assignee: string;
  assigneeName: string;
  isCompleted: boolean;
}) {
  return {
    actionId: r.actionId,
    groupId: r.groupId,
    responseId: r.responseId,
    responseDetails: { response: { assignee: r.assignee, assigneeName: r.assigneeName, assigneeProfilePic: '', isCompleted: r.isCompleted } },
  };
}

/**
 * `SurveyResponse` / `ActionResponse` (§6.4): `{ actionId, groupId, responseId, isUpdateResponse, responder, responderName,
 * responderProfilePic, isAnonymous, responseDetails: { responseWithQuestions: [{ title, type, options, answer, isInvisible? }] } }`.
 * An anonymous response names nobody (responder and name are empty).
 */
export function actionResponseEventData(r: {
  actionId: string;
  groupId: string;
  responseId: string;
  isUpdateResponse: boolean;
  responder: string;
  responderName: string;
  isAnonymous: boolean;
  questions: { title: string; type: string; options?: { title: string }[]; isInvisible?: boolean }[];
  answers: unknown[];
}) {
  return {
    actionId: r.actionId,
    groupId: r.groupId,
    responseId: r.responseId,
    isUpdateResponse: r.isUpdateResponse,
    responder: r.isAnonymous ? '' : r.responder,
    responderName: r.isAnonymous ? '' : r.responderName,
    responderProfilePic: '',
    isAnonymous: r.isAnonymous,
    responseDetails: {
      responseWithQuestions: r.questions.map((q, i) => ({
        title: q.title,
        type: q.type,
        options: q.options ?? [],
        answer: r.answers[i] ?? null,
        ...(q.isInvisible ? { isInvisible: true } : {}),
      })),
    },
  };
}

/**
 * `AttachmentCreated`: `{ media: [{ mediaUrl, mediaFileName }], actionType, caption }` (§6.4), plus our
 * `referenceId` of the post that carries it. `mediaUrl` is the media's stable locator (`…/v1/media/{id}`): a
 * receiver trades it for a short-lived signed URL with its access token (files are never public).
 */
export function attachmentEventData(media: { url: string; fileName: string }[], actionType: string, caption: string, referenceId: string | null) {
  return {
    media: media.map((m) => ({ mediaUrl: m.url, mediaFileName: m.fileName })),
    actionType,
    caption,
    ...(referenceId ? { referenceId } : {}),
  };
}
