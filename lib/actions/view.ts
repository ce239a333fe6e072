import type { LocationAnswer } from './answers';
import { questionsOfBody, type ActionType, type Question } from './definition';

/**
 * What readers see of an action and its responses (kaizala-connectors.md §5.9), pure so /v1 (Kaizala's
 * shapes) and the portal (its cards) apply the same rules:
 * - results and everyone's responses: whoever acts as the group's admin (group, tenant and admin-user tokens;
 *   the group's admins in the portal), the action's sender, and everyone else unless the sender chose
 *   `isSenderOnly` (then a member sees only their own response);
 * - an anonymous survey never names its responders (a member's own response is marked as theirs).
 */
export interface ActionRecord {
  id: string;
  referenceId: string;
  actionType: ActionType;
  senderKind: 'member' | 'connector' | 'bot';
  senderName: string;
  senderPhone: string | null;
  senderConnectorId: string | null;
  title: string;
  body: Record<string, unknown>;
  isAnonymous: boolean;
  isSenderOnly: boolean;
  acceptMultipleResponses: boolean;
  /** epoch ms */
  expiresAt: number | null;
  createdAt: number;
}

export interface ResponseRecord {
  id: string;
  responderPhone: string;
  responderName: string;
  answers: unknown[] | null;
  isCompleted: boolean | null;
  createdAt: number;
  updatedAt: number;
}

export interface Viewer {
  /** the number the reader acts for (none for a connector acting as the group's admin) */
  phone: string | null;
  /** reads as the group's admin */
  isAdmin: boolean;
  /** the connector the reader's token belongs to (API) */
  connectorId?: string | null;
}

/** An upload an action carries (kept in its body when it is written): `ref` is the mediaResource as sent. */
export interface StoredMedia {
  ref: string;
  id: string;
  kind: 'image' | 'audio' | 'video' | 'document';
  mimeType: string;
  fileName: string;
  size: number;
}

/** A short-lived signed URL of a media item for the reader (minted by the caller: /v1 per connector, the portal per user). */
export type MediaUrl = (mediaId: string) => string;

export const mediaOf = (a: Pick<ActionRecord, 'body'>): StoredMedia[] => (a.body.media as StoredMedia[] | undefined) ?? [];

/** The files of an action, in the order they were sent, each with its link. */
export function filesOf(a: Pick<ActionRecord, 'body'>, url: MediaUrl) {
  return mediaOf(a).map((m) => ({ mediaResource: m.ref, mediaUrl: url(m.id), fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, size: m.size }));
}

export interface Assignee {
  mobileNumber: string;
  name: string;
}

export const isSender = (a: ActionRecord, v: Viewer) =>
  (a.senderKind === 'member' && v.phone !== null && a.senderPhone === v.phone) ||
  (a.senderKind === 'connector' && !!v.connectorId && a.senderConnectorId === v.connectorId);

export const seesAllResponses = (a: ActionRecord, v: Viewer) => v.isAdmin || isSender(a, v) || !a.isSenderOnly;

/** Poll and survey responses close at expiry; a job can still be completed after its due time (it is late). */
export const isClosed = (a: ActionRecord, now = Date.now()) =>
  (a.actionType === 'Poll' || a.actionType === 'Survey' || a.actionType === 'Custom') && a.expiresAt !== null && a.expiresAt <= now;

export const questionsOf = (a: Pick<ActionRecord, 'actionType' | 'body'>): Question[] => questionsOfBody(a.actionType, a.body);

export const assigneesOf = (a: Pick<ActionRecord, 'body'>): Assignee[] => (a.body.assignees as Assignee[] | undefined) ?? [];

/** Each assignee with whether they completed the job (their latest response says so). */
export function jobState(a: ActionRecord, responses: ResponseRecord[]) {
  const done = new Map<string, boolean>();
  for (const r of [...responses].sort((x, y) => x.updatedAt - y.updatedAt)) done.set(r.responderPhone, r.isCompleted === true);
  const assignees = assigneesOf(a).map((x) => ({ ...x, isCompleted: done.get(x.mobileNumber) ?? false }));
  const completed = assignees.filter((x) => x.isCompleted).length;
  return { assignees, completed, isCompleted: assignees.length > 0 && completed === assignees.length };
}

/** A poll's choices with how many responses chose each. */
export function pollResults(a: ActionRecord, responses: ResponseRecord[]) {
  const choices = (a.body.choices as { title: string; image?: string }[] | undefined) ?? [];
  return choices.map((c) => ({ title: c.title, count: responses.filter((r) => r.answers?.[0] === c.title).length }));
}

/** An answer in words (portal table, CSV): lists joined with "; ", dates as ISO, a location as its name and position. */
export function formatAnswer(q: Question | undefined, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join('; ');
  if (q && (q.type === 'Date' || q.type === 'DateTime') && typeof v === 'number') {
    const iso = new Date(v).toISOString();
    return q.type === 'Date' ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const l = v as LocationAnswer;
    return `${l.n ? `${l.n} ` : ''}(${l.lt}, ${l.lg})`;
  }
  return String(v);
}

/** The /v1 `sender` (the same shape as a message's sender). */
export const apiSender = (a: ActionRecord) => ({
  type: a.senderKind === 'member' ? ('Member' as const) : a.senderKind === 'bot' ? ('Bot' as const) : ('Connector' as const),
  name: a.senderName,
  ...(a.senderPhone ? { mobileNumber: a.senderPhone } : {}),
});

export interface Counts {
  responseCount: number;
  /** jobs: assignees whose latest response completes it */
  completedCount: number;
}

const noUrl: MediaUrl = () => '';

/** A poll's choices with the link of each choice's picture (`image` stays the mediaResource as sent). */
function choicesWithImages(a: ActionRecord, url: MediaUrl) {
  const byRef = new Map(mediaOf(a).map((m) => [m.ref, m]));
  return ((a.body.choices as { title: string; image?: string }[] | undefined) ?? []).map((c) => {
    const m = c.image ? byRef.get(c.image) : undefined;
    return m ? { ...c, imageUrl: url(m.id) } : c;
  });
}

/**
 * The per-type `actionBody` of GET …/actions (§5.9's table, plus what the spec leaves out marked as ours).
 * Media: `files` with a signed `mediaUrl` each (valid 15 minutes; GET /v1/media/{mediaResource} mints a new one);
 * Image also `imageUrl` (§5.9), Album `imageUrls`.
 */
export function apiActionBody(a: ActionRecord, counts: Counts, url: MediaUrl = noUrl) {
  const b = a.body;
  switch (a.actionType) {
    case 'Job': {
      const assigneeCount = assigneesOf(a).length;
      return {
        actionId: a.id,
        title: a.title,
        assigneeCount,
        responseCount: counts.responseCount,
        isCompleted: assigneeCount > 0 && counts.completedCount >= assigneeCount,
        dueDate: a.expiresAt,
      };
    }
    case 'Poll':
      return {
        actionId: a.id,
        question: a.title,
        isSenderOnly: a.isSenderOnly,
        expiryDate: a.expiresAt,
        choices: choicesWithImages(a, url),
        responseCount: counts.responseCount,
      };
    case 'LetsMeet':
      return {
        actionId: a.id,
        title: a.title,
        startingTime: b.startingTime,
        agenda: b.agenda,
        duration: b.durationInMins,
        isSenderOnly: a.isSenderOnly,
        place: b.place,
      };
    case 'Survey':
      return { actionId: a.id, title: a.title, responseCount: counts.responseCount, expiryDate: a.expiresAt };
    case 'Custom':
      return {
        actionId: a.id,
        id: b.packageId,
        packageName: b.packageName,
        title: a.title,
        responseCount: counts.responseCount,
        expiryDate: a.expiresAt,
        properties: b.properties ?? [],
      };
    case 'Announcement':
      return { actionId: a.id, title: b.title, message: b.message, mediaResources: b.mediaResources, files: filesOf(a, url) };
    case 'Image':
    case 'Album':
    case 'Audio':
    case 'Video':
    case 'Document': {
      const files = filesOf(a, url);
      const first = files[0];
      return {
        actionId: a.id,
        caption: b.caption ?? '',
        mediaResource: first?.mediaResource,
        mediaUrl: first?.mediaUrl,
        ...(a.actionType === 'Image' ? { imageUrl: first?.mediaUrl } : {}),
        ...(a.actionType === 'Album' ? { imageUrls: files.map((f) => f.mediaUrl), mediaResources: files.map((f) => f.mediaResource) } : {}),
        files,
      };
    }
  }
}

/** GET …/actions/{actionId}: `{ actionType, actionDetails, sender, sentAt }`; `responses` with getDetails=true. */
export function apiActionDetails(a: ActionRecord, responses: ResponseRecord[], viewer: Viewer, withResponses: boolean, url: MediaUrl = noUrl) {
  const all = seesAllResponses(a, viewer);
  const visible = all ? responses : responses.filter((r) => viewer.phone !== null && r.responderPhone === viewer.phone);
  const job = a.actionType === 'Job' ? jobState(a, responses) : null;
  const counts = { responseCount: responses.length, completedCount: job?.completed ?? 0 };
  const responder = (r: ResponseRecord) =>
    a.isAnonymous && r.responderPhone !== viewer.phone ? {} : { responder: { mobileNumber: r.responderPhone, name: r.responderName } };
  const details: Record<string, unknown> = { ...apiActionBody(a, counts, url) };
  if (a.actionType === 'Job') {
    Object.assign(details, {
      status: job!.isCompleted ? 'Completed' : 'Open',
      assignedTo: job!.assignees.map(({ mobileNumber, name, isCompleted }) => ({ mobileNumber, name, isCompleted })),
    });
  }
  if (a.actionType === 'Poll' && all) details.results = pollResults(a, responses);
  if (a.actionType === 'Survey' || a.actionType === 'Custom')
    Object.assign(details, {
      isAnonymous: a.isAnonymous,
      isSenderOnly: a.isSenderOnly,
      acceptMultipleResponses: a.acceptMultipleResponses,
      questions: questionsOf(a),
    });
  if (withResponses)
    details.responses = visible.map((r) => ({
      responseId: r.id,
      ...responder(r),
      ...(a.actionType === 'Job' ? { isCompleted: r.isCompleted === true } : { answers: r.answers ?? [] }),
      respondedAt: r.createdAt,
      updatedAt: r.updatedAt,
      ...(viewer.phone !== null && r.responderPhone === viewer.phone ? { isYours: true } : {}),
    }));
  return { actionType: a.actionType, actionDetails: details, sender: apiSender(a), sentAt: a.createdAt };
}
