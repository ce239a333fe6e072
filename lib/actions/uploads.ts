import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { actions, type Action } from '@/db/schema';
import { can } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { loadGroup, type GroupActor, type GroupView } from '@/lib/groups';
import { bindMediaToGroup, discardUserUpload, mediaLimits, mediaStore, resolveMediaRefs, signedMediaUrl, storeUpload, type MediaLimits } from '@/lib/media';
import { answerMediaRefs } from './media-answers';
import type { AnswerFileDto } from './schemas';
import { toActionRecord } from './store';
import { isClosed, questionsOf } from './view';

/**
 * A member answers a survey's Image / AttachmentList question from the portal: the file goes through the SAME
 * upload as `POST /v1/media` (lib/media: streamed, sniffed, metered per kind, a media row), owned by the
 * signed-in user until the response that carries it binds it to the group. Only someone who may answer the
 * action may upload for it (the rule of `respondToAction`: an admin or member; a subscriber it was sent to).
 */

const MIB = 1024 * 1024;

/** The tenant an upload for this group belongs to (the connectors that read the responses are of it). */
export const groupTenantOf = (view: GroupView, actor: GroupActor) => view.group.tenantId ?? actor.tenantId;

/** Whether `actor` may answer `action` in the group (see respondToAction and writeResponse). */
function mayAnswer(actor: GroupActor, view: GroupView, action: Action) {
  if (!actor.activePhone) return false;
  if (view.actorRole === 'Subscriber') return action.subscribers === null || action.subscribers.includes(actor.activePhone);
  return can(actor, 'group.post', view.ref);
}

export async function uploadAnswerFile(actor: GroupActor, groupId: string, actionId: string, questionIndex: number, request: Request): Promise<AnswerFileDto> {
  const view = await loadGroup(actor, groupId);
  const [action] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.groupId, groupId)));
  if (!action || (view.actorRole === 'Subscriber' && !mayAnswer(actor, view, action))) throw new DomainError('ActionNotFound');
  if (!mayAnswer(actor, view, action)) throw new DomainError('AnswerNeedsMembership');
  const rec = toActionRecord(action);
  const q = questionsOf(rec)[questionIndex];
  if (!q || (q.type !== 'Image' && q.type !== 'AttachmentList'))
    throw new DomainError('InvalidParameters', { detail: 'question: this question is not answered with files.' });
  if (isClosed(rec)) throw new DomainError('ActionExpired');

  const all = mediaLimits();
  // a picture question takes pictures only: every limit is the picture's, so a larger body is refused by its length
  const limits: MediaLimits = q.type === 'Image' ? { image: all.image, audio: all.image, video: all.image, document: all.image } : all;
  const expected = q.type === 'Image' ? ('image' as const) : ('any' as const);
  try {
    const file = await storeUpload(
      request,
      { tenantId: groupTenantOf(view, actor), uploaderPhone: actor.activePhone, uploaderUserId: actor.id },
      { limits, store: mediaStore(), kinds: q.type === 'Image' ? ['image'] : undefined },
    );
    return {
      mediaResource: file.mediaResource,
      fileName: file.fileName,
      kind: file.kind,
      mimeType: file.mimeType,
      size: file.size,
      url: signedMediaUrl(file.mediaResource, `u:${actor.id}`).mediaUrl,
    };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'MediaTypeNotSupported') throw new DomainError('AnswerFileType', { expected }, err.options);
    if (err instanceof DomainError && err.code === 'MediaTooLarge') {
      const { maxBytes } = err.params as { maxBytes: number };
      throw new DomainError('AnswerFileTooLarge', { maxMb: Math.round((maxBytes / MIB) * 10) / 10 }, err.options);
    }
    throw err;
  }
}

/** A file removed from the form before sending: the user's own upload that nothing carries is deleted. */
export async function discardAnswerFile(actor: GroupActor, mediaId: string): Promise<void> {
  await discardUserUpload(mediaStore(), actor.id, mediaId);
}

/**
 * The files a portal response answers with: each the member's own upload (or already in the group), of the
 * question's kind — else an error under that question — then bound to the group (its members and the
 * connectors that reach it may view them). Inside the response's transaction.
 */
export async function bindAnswerFiles(
  tx: DbOrTx,
  actor: GroupActor,
  scope: { tenantId: string; groupId: string; referenceId: string },
  action: Action,
  answers: unknown,
): Promise<void> {
  const refs = answerMediaRefs(action, answers, 'portal');
  if (!refs.length) return;
  try {
    const media = await resolveMediaRefs(tx, refs, { tenantId: scope.tenantId, groupId: scope.groupId, by: { userId: actor.id } });
    await bindMediaToGroup(
      tx,
      media.map((m) => m.id),
      scope.groupId,
      scope.referenceId,
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const field = (err.params as { field?: string } | undefined)?.field;
    if (err.code === 'MediaKindMismatch') throw new DomainError('AnswerFileType', { expected: 'image' }, { field });
    if (err.code === 'MediaResourceUnusable') throw new DomainError('AnswerFileUnusable', { field });
    throw err;
  }
}
