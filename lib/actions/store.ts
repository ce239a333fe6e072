import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { actionResponses, actions, groupMembers, type Action, type ActionResponse } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import {
  actionCreatedEventData,
  actionResponseEventData,
  announcementEventData,
  jobCreatedEventData,
  jobResponseEventData,
  recordEvents,
  type EventInput,
} from '@/lib/events';
import { parsePhone } from '@/lib/phone';
import { checkAnswers, describeProblem, type AnswerProblem } from './answers';
import { hoursOf, isMediaActionType, titleOf, type ActionDefinition, type ActionType } from './definition';
import { assigneesOf, isClosed, questionsOf, type ActionRecord, type ResponseRecord, type StoredMedia } from './view';

/**
 * The writes /v1 and the portal share, inside the caller's transaction (the group's row is locked by it):
 * an action with its created event, a response with its response event. The event row is the record of
 * these data-plane writes (as for messages: no audit row each).
 */
export interface Sender {
  kind: 'member' | 'connector';
  phone: string | null;
  connectorId: string | null;
  name: string;
  /** the user behind the sender, for the event's fromUserId */
  userId: string | null;
}

export const toActionRecord = (a: Action): ActionRecord => ({
  id: a.id,
  referenceId: a.referenceId,
  actionType: a.actionType,
  senderKind: a.senderKind,
  senderName: a.senderName,
  senderPhone: a.senderPhone,
  senderConnectorId: a.senderConnectorId,
  title: a.title,
  body: a.body,
  isAnonymous: a.isAnonymous,
  isSenderOnly: a.isSenderOnly,
  acceptMultipleResponses: a.acceptMultipleResponses,
  expiresAt: a.expiresAt ? a.expiresAt.getTime() : null,
  createdAt: a.createdAt.getTime(),
});

export const toResponseRecord = (r: ActionResponse): ResponseRecord => ({
  id: r.id,
  responderPhone: r.responderPhone,
  responderName: r.responderName,
  answers: r.answers,
  isCompleted: r.isCompleted,
  createdAt: r.createdAt.getTime(),
  updatedAt: r.updatedAt.getTime(),
});

/** A job's assignees: valid numbers (400 naming any that is not) that are admins or members of the group. */
async function assigneesIn(tx: DbOrTx, groupId: string, raw: string[]) {
  const numbers: string[] = [];
  raw.forEach((r, i) => {
    const p = parsePhone(r);
    if (!p.ok) throw new DomainError('InvalidParameters', { detail: `actionBody.assignedTo[${i}]: "${r}" is not a phone number in international format.` });
    if (!numbers.includes(p.e164)) numbers.push(p.e164);
  });
  const rows = await tx
    .select({ e164: groupMembers.e164, name: groupMembers.displayName })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.e164, numbers), inArray(groupMembers.role, ['Admin', 'Member'])));
  const found = new Map(rows.map((r) => [r.e164, r.name]));
  const missing = numbers.filter((n) => !found.has(n));
  if (missing.length) throw new DomainError('AssigneesNotMembers', { numbers: missing });
  return numbers.map((n) => ({ mobileNumber: n, name: found.get(n)! }));
}

/**
 * Inserts an action and its created event (JobCreated, SurveyCreated, Announcement, else ActionCreated).
 * `media`: the uploads it carries, already checked by the caller (lib/platform resolves them for the token and
 * binds them to the group); kept in the body so reads show their names and links. A media action (Image,
 * Audio, Document, Video, Album) gets no created event here: its event is the caller's AttachmentCreated.
 */
export async function insertAction(
  tx: DbOrTx,
  group: { id: string; tenantId: string | null },
  def: ActionDefinition,
  sender: Sender,
  media: StoredMedia[] = [],
  /** which subscribers of a ConnectGroup it reaches (see the column): null everyone, `[]` admins and members only */
  subscribers: string[] | null = null,
) {
  const { actionType, ...body } = def;
  const stored: Record<string, unknown> = { ...body };
  if (media.length) stored.media = media;
  if (def.actionType === 'Job') {
    const assignees = await assigneesIn(tx, group.id, def.assignedTo);
    stored.assignedTo = assignees.map((a) => a.mobileNumber);
    stored.assignees = assignees;
  }
  const hours = hoursOf(def);
  const [a] = await tx
    .insert(actions)
    .values({
      tenantId: group.tenantId,
      groupId: group.id,
      actionType,
      senderKind: sender.kind,
      senderPhone: sender.kind === 'member' ? sender.phone : null,
      senderConnectorId: sender.kind === 'connector' ? sender.connectorId : null,
      senderName: sender.name,
      title: titleOf(def),
      body: stored,
      isAnonymous: (def.actionType === 'Survey' || def.actionType === 'Custom') && def.isAnonymous,
      isSenderOnly: 'isSenderOnly' in def && def.isSenderOnly,
      acceptMultipleResponses: (def.actionType === 'Survey' || def.actionType === 'Custom') && def.acceptMultipleResponses,
      expiresAt: hours === null ? null : sql`now() + ${hours}::float8 * interval '1 hour'`,
      subscribers,
    })
    .returning();
  const action = a!;
  if (isMediaActionType(actionType)) return { actionId: action.id, referenceId: action.referenceId };
  const base = { tenantId: group.tenantId, groupId: group.id, fromUser: { phone: sender.phone, name: sender.name, id: sender.userId } };
  const event: EventInput =
    def.actionType === 'Announcement'
      ? { ...base, eventType: 'Announcement', data: announcementEventData({ ...def, actionId: action.id, referenceId: action.referenceId }) }
      : def.actionType === 'Job'
        ? {
            ...base,
            eventType: 'JobCreated',
            data: jobCreatedEventData({
              assignedTo: stored.assignedTo as string[],
              title: def.title,
              dueDate: action.expiresAt!,
              actionId: action.id,
              groupId: group.id,
            }),
          }
        : {
            ...base,
            eventType: def.actionType === 'Survey' ? 'SurveyCreated' : 'ActionCreated',
            data: actionCreatedEventData({
              actionId: action.id,
              groupId: group.id,
              actionType,
              title: action.title,
              isAnonymous: action.isAnonymous,
              expiryDate: action.expiresAt,
              questions: questionsOf(toActionRecord(action)),
            }),
          };
  await recordEvents(tx, [event]);
  return { actionId: action.id, referenceId: action.referenceId };
}

/** The action, locked for the response being written (responses of one member never race). */
export async function lockAction(tx: DbOrTx, groupId: string, actionId: string): Promise<Action> {
  const [a] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.groupId, groupId)))
    .for('update');
  if (!a) throw new DomainError('ActionNotFound');
  return a;
}

export async function responsesOf(tx: DbOrTx, actionIds: string[]): Promise<ActionResponse[]> {
  if (!actionIds.length) return [];
  return tx.select().from(actionResponses).where(inArray(actionResponses.actionId, actionIds)).orderBy(asc(actionResponses.createdAt), asc(actionResponses.id));
}

export interface Responder {
  phone: string;
  name: string;
  role: 'Admin' | 'Member' | 'Subscriber' | null;
  userId: string | null;
}

export type ResponseInput = { responseId?: string; actionType?: ActionType } & ({ kind: 'job'; isCompleted: boolean } | { kind: 'answers'; answers: unknown });

/** Answer problems of a response: /v1 answers the first as a 400 naming the question; the portal shows each. */
export class AnswersRejected extends DomainError<'InvalidParameters'> {
  constructor(readonly problems: AnswerProblem[]) {
    super('InvalidParameters', { detail: describeProblem(problems[0]!) });
  }

  /** every problem under its question (`answers.0`, `answers.2`, …) for the portal's form */
  override get fieldErrors(): Record<string, string[]> {
    return Object.fromEntries(this.problems.map((p) => [p.index < 0 ? 'answers' : `answers.${p.index}`, [p.message]]));
  }
}

/**
 * Writes a response (§5.9) after every rule: the responder is an admin or member, or a subscriber the action
 * was sent to (ConnectGroups: `sendToAllSubscribers` / `subscribers`); a job only from its assignees (late is fine); polls and surveys only before their expiry
 * (409 ActionExpired); one response per member unless the survey accepts several (409 ResponseExists; send
 * `responseId` to change yours). Writes the response and its JobResponse / SurveyResponse / ActionResponse event.
 */
export async function writeResponse(tx: DbOrTx, group: { id: string; tenantId: string | null }, action: Action, who: Responder, input: ResponseInput) {
  const rec = toActionRecord(action);
  const reachesSubscriber = who.role === 'Subscriber' && (action.subscribers === null || action.subscribers.includes(who.phone));
  if (who.role !== 'Admin' && who.role !== 'Member' && !reachesSubscriber) throw new DomainError('SubscriberCannotRespond');
  if (input.actionType && input.actionType !== action.actionType) throw new DomainError('ActionTypeMismatch', { actual: action.actionType });
  if (action.actionType === 'Announcement' || action.actionType === 'LetsMeet' || isMediaActionType(action.actionType))
    throw new DomainError('ActionNotRespondable', { actionType: action.actionType });

  let answers: unknown[] | null = null;
  let isCompleted: boolean | null = null;
  if (action.actionType === 'Job') {
    if (!assigneesOf(rec).some((a) => a.mobileNumber === who.phone)) throw new DomainError('NotAssignee');
    if (input.kind !== 'job')
      throw new DomainError('InvalidParameters', { detail: 'actionBody.isCompleted: a job response is { isCompleted: true | false }.' });
    isCompleted = input.isCompleted;
  } else {
    if (isClosed(rec)) throw new DomainError('ActionExpired');
    if (input.kind !== 'answers') throw new DomainError('InvalidParameters', { detail: 'actionBody.answers: send one answer per question.' });
    const checked = checkAnswers(questionsOf(rec), input.answers);
    if (!checked.ok) throw new AnswersRejected(checked.problems);
    answers = checked.answers;
  }

  const mine = await tx
    .select({ id: actionResponses.id })
    .from(actionResponses)
    .where(and(eq(actionResponses.actionId, action.id), eq(actionResponses.responderPhone, who.phone)));
  let responseId: string;
  const isUpdate = input.responseId !== undefined;
  if (input.responseId !== undefined) {
    if (!mine.some((m) => m.id === input.responseId)) throw new DomainError('ResponseNotFound');
    await tx
      .update(actionResponses)
      .set({ answers, isCompleted, responderName: who.name, updatedAt: sql`now()` })
      .where(eq(actionResponses.id, input.responseId));
    responseId = input.responseId;
  } else {
    if (mine.length && !action.acceptMultipleResponses) throw new DomainError('ResponseExists');
    const [r] = await tx
      .insert(actionResponses)
      .values({ actionId: action.id, responderPhone: who.phone, responderName: who.name, answers, isCompleted })
      .returning({ id: actionResponses.id });
    responseId = r!.id;
  }

  const ids = { actionId: action.id, groupId: group.id, responseId };
  const anonymous = action.isAnonymous;
  await recordEvents(tx, [
    {
      tenantId: group.tenantId,
      groupId: group.id,
      eventType: action.actionType === 'Job' ? 'JobResponse' : action.actionType === 'Survey' ? 'SurveyResponse' : 'ActionResponse',
      data:
        action.actionType === 'Job'
          ? jobResponseEventData({ ...ids, assignee: who.phone, assigneeName: who.name, isCompleted: isCompleted === true })
          : actionResponseEventData({
              ...ids,
              isUpdateResponse: isUpdate,
              responder: who.phone,
              responderName: who.name,
              isAnonymous: anonymous,
              questions: questionsOf(rec),
              answers: answers ?? [],
            }),
      fromUser: anonymous ? {} : { phone: who.phone, name: who.name, id: who.userId },
    },
  ]);
  return { responseId };
}
