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

/** `{ text }` (§6.4), plus the message's `referenceId`. */
export function textMessageEventData(text: string, referenceId: string) {
  return { text, referenceId };
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
