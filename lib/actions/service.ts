import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { actions, groupMembers } from '@/db/schema';
import { assertCan, can } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { loadGroup, type GroupActor } from '@/lib/groups';
import { groupMediaByIds, mediaIdOf, mediaLimits, signedMediaUrl } from '@/lib/media';
import { formatPhone } from '@/lib/phone';
import { isUuid } from '@/lib/utils';
import { responseRows, toCard } from './cards';
import { answerMediaIds } from './media-answers';
import type { ActionCardDto, RespondActionInput } from './schemas';
import { lockAction, responsesOf, toActionRecord, toResponseRecord, writeResponse } from './store';
import { bindAnswerFiles, groupTenantOf } from './uploads';

/**
 * The ACTIONS tab (the portal stands in for the mobile app): whoever may view the group sees its actions,
 * newest first (a subscriber of a ConnectGroup sees none: actions are for its admins and members); admins
 * and members respond. The group's admins (and org admins) see every response, like a group token.
 */
export const PORTAL_ACTIONS_PAGE = 50;

async function viewerOf(actor: GroupActor, groupId: string) {
  const view = await loadGroup(actor, groupId);
  return {
    view,
    // a subscriber answers what was sent to them (they see nothing else)
    viewer: {
      phone: actor.activePhone,
      isAdmin: view.canManage,
      connectorId: null,
      mayRespond: view.actorRole === 'Subscriber' || can(actor, 'group.post', view.ref),
    },
  };
}

/** A page of the ACTIONS tab, newest first; `cursor` (the last card's id) asks for the older ones. */
export interface ActionsPage {
  actions: ActionCardDto[];
  cursor?: string;
}

export async function listGroupActions(actor: GroupActor, groupId: string, opts: { cursor?: string | null; count?: number } = {}): Promise<ActionsPage> {
  const count = opts.count ?? PORTAL_ACTIONS_PAGE;
  const cursor = opts.cursor || null;
  if (cursor !== null && !isUuid(cursor)) throw new DomainError('InvalidCursor');
  const { view, viewer } = await viewerOf(actor, groupId);
  const reachesMe = view.actorRole === 'Subscriber' ? sql`(${actions.subscribers} IS NULL OR ${actor.activePhone} = ANY(${actions.subscribers}))` : undefined;
  if (cursor !== null) {
    const [known] = await db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.id, cursor), eq(actions.groupId, groupId)));
    if (!known) throw new DomainError('InvalidCursor');
  }
  const older = cursor === null ? undefined : sql`(${actions.createdAt}, ${actions.id}) < (SELECT c.created_at, c.id FROM actions c WHERE c.id = ${cursor})`;
  const found = await db
    .select()
    .from(actions)
    .where(and(eq(actions.groupId, groupId), reachesMe, older))
    .orderBy(desc(actions.createdAt), desc(actions.id))
    .limit(count + 1);
  const rows = found.slice(0, count);
  const responses = (
    await responsesOf(
      db,
      rows.map((r) => r.id),
    )
  ).map((r) => ({ actionId: r.actionId, rec: toResponseRecord(r) }));
  const now = Date.now();
  const url = (mediaId: string) => signedMediaUrl(mediaId, `u:${actor.id}`, { now, stable: true }).mediaUrl;
  // the files survey answers name (one statement for the page), linked like the actions' own media
  const answered = await groupMediaByIds(
    db,
    groupId,
    rows.flatMap((a) =>
      answerMediaIds(
        a,
        responses.filter((r) => r.actionId === a.id).map((r) => r.rec),
      ),
    ),
  );
  const answerFile = (ref: string) => {
    const m = answered.get(mediaIdOf(ref) ?? '');
    return m ? { url: url(m.id), fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, size: m.size } : undefined;
  };
  const cards = rows.map((a) =>
    toCard(
      toActionRecord(a),
      responses.filter((r) => r.actionId === a.id).map((r) => r.rec),
      viewer,
      now,
      url,
      answerFile,
    ),
  );
  const fileLimits = mediaLimits();
  for (const c of cards) if (c.survey) c.survey.fileLimits = fileLimits;
  const last = rows[rows.length - 1];
  return { actions: cards, ...(found.length > count && last ? { cursor: last.id } : {}) };
}

/** A member responds from a card: the response and its event in one transaction (the action row locked). */
export async function respondToAction(actor: GroupActor, input: RespondActionInput): Promise<{ responseId: string }> {
  return db.transaction(async (tx) => {
    const view = await loadGroup(actor, input.groupId, tx);
    // subscribers answer what was sent to them (writeResponse checks that it reached them)
    if (view.actorRole !== 'Subscriber') assertCan(actor, 'group.post', view.ref);
    const phone = actor.activePhone!;
    const [me] = await tx
      .select({ name: groupMembers.displayName })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, input.groupId), eq(groupMembers.e164, phone)));
    const action = await lockAction(tx, input.groupId, input.actionId);
    const base = input.responseId ? { responseId: input.responseId } : {};
    const written = await writeResponse(
      tx,
      { id: input.groupId, tenantId: view.group.tenantId },
      action,
      { phone, name: me?.name ?? actor.name ?? formatPhone(phone), role: view.actorRole, userId: actor.id },
      input.isCompleted !== undefined ? { ...base, kind: 'job', isCompleted: input.isCompleted } : { ...base, kind: 'answers', answers: input.answers ?? [] },
    );
    // the files it answers with (Image, AttachmentList): the member's own uploads, now bound to the group
    if (input.isCompleted === undefined)
      await bindAnswerFiles(
        tx,
        actor,
        { tenantId: groupTenantOf(view, actor), groupId: input.groupId, referenceId: action.referenceId },
        action,
        input.answers,
      );
    return written;
  });
}

/** The responses export of one action (CSV rows, header first): whoever may view the group, with the card's rules. */
export async function actionResponsesExport(actor: GroupActor, groupId: string, actionId: string) {
  const { view, viewer } = await viewerOf(actor, groupId);
  const [a] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.groupId, groupId)));
  if (!a || (view.actorRole === 'Subscriber' && a.subscribers !== null && !a.subscribers.includes(actor.activePhone ?? '')))
    throw new DomainError('ActionNotFound');
  const rows = responseRows(toActionRecord(a), (await responsesOf(db, [a.id])).map(toResponseRecord), viewer);
  const slug =
    a.title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .toLowerCase() || 'action';
  return { filename: `${a.actionType.toLowerCase()}-${slug}-responses.csv`, rows };
}
