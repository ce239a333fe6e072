import type { Place } from './definition';
import { answerMediaRefs } from './media-answers';
import type { ActionCardDto, MediaFileDto } from './schemas';
import {
  mediaOf,
  formatAnswer,
  isClosed,
  isSender,
  jobState,
  pollResults,
  questionsOf,
  seesAllResponses,
  type ActionRecord,
  type ResponseRecord,
  type MediaUrl,
  type Viewer,
} from './view';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The files of an action as the portal links them (`url` signs for the viewer). */
export const cardFiles = (a: Pick<ActionRecord, 'body'>, url: MediaUrl): MediaFileDto[] =>
  mediaOf(a).map((m) => ({ url: url(m.id), fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, size: m.size }));

/** An action as the ACTIONS tab shows it to `viewer` (the rules of view.ts); `url` links its media for the viewer. */
export function toCard(
  a: ActionRecord,
  responses: ResponseRecord[],
  viewer: Viewer & { mayRespond: boolean },
  now = Date.now(),
  url: MediaUrl = () => '',
  /** the file a survey answer names (a mediaResource used in the group), for links */
  answerFile: (ref: string) => MediaFileDto | undefined = () => undefined,
): ActionCardDto {
  const all = seesAllResponses(a, viewer);
  const mine = responses.filter((r) => viewer.phone !== null && r.responderPhone === viewer.phone);
  const closed = isClosed(a, now);
  const card: ActionCardDto = {
    id: a.id,
    referenceId: a.referenceId,
    actionType: a.actionType,
    title: a.title,
    sender: { type: a.senderKind, name: a.senderName, isYou: isSender(a, viewer) },
    sentAt: iso(a.createdAt)!,
    expiresAt: iso(a.expiresAt),
    isClosed: closed,
    responseCount: responses.length,
    canRespond: false,
    seesResponses: all,
    mine: mine.map((r) => ({ responseId: r.id, answers: r.answers, isCompleted: r.isCompleted })),
  };
  const b = a.body;
  switch (a.actionType) {
    case 'Poll':
      card.canRespond = viewer.mayRespond && !closed;
      {
        const byRef = new Map(mediaOf(a).map((m) => [m.ref, m]));
        const images = ((b.choices as { image?: string }[] | undefined) ?? []).map((c) => (c.image ? byRef.get(c.image) : undefined));
        card.poll = {
          choices: pollResults(a, responses).map((c, i) => {
            const m = images[i];
            return {
              title: c.title,
              count: all ? c.count : null,
              ...(m ? { image: { url: url(m.id), fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, size: m.size } } : {}),
            };
          }),
        };
      }
      break;
    case 'Job': {
      const job = jobState(a, responses);
      const amAssignee = job.assignees.some((x) => x.mobileNumber === viewer.phone);
      card.canRespond = viewer.mayRespond && amAssignee;
      card.job = {
        assignees: job.assignees.map((x) => ({ ...x, isYou: x.mobileNumber === viewer.phone })),
        completed: job.completed,
        isCompleted: job.isCompleted,
        isOverdue: !job.isCompleted && a.expiresAt !== null && a.expiresAt <= now,
      };
      break;
    }
    case 'Survey':
    case 'Custom': {
      const questions = questionsOf(a);
      card.canRespond = viewer.mayRespond && !closed;
      const files: Record<string, MediaFileDto> = {};
      // only what the viewer may see: everyone's answers, or their own
      for (const r of all ? responses : mine)
        for (const m of answerMediaRefs(a, r.answers)) {
          const f = answerFile(m.ref);
          if (f) files[m.ref] = f;
        }
      card.survey = {
        questions,
        files,
        isAnonymous: a.isAnonymous,
        acceptMultipleResponses: a.acceptMultipleResponses,
        responses: all
          ? responses.map((r) => ({
              id: r.id,
              responder: a.isAnonymous ? null : r.responderName || r.responderPhone,
              answers: questions.map((q, i) => formatAnswer(q, r.answers?.[i])),
              files: questions.map((q, i) => {
                if (q.type !== 'Image' && q.type !== 'AttachmentList') return null;
                const v = r.answers?.[i];
                const refs = Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
                return refs.flatMap((ref) => (typeof ref === 'string' && files[ref] ? [files[ref]] : []));
              }),
              respondedAt: iso(r.updatedAt)!,
            }))
          : null,
      };
      break;
    }
    case 'Announcement':
      card.announcement = { message: String(b.message ?? ''), files: cardFiles(a, url) };
      if (card.title === card.announcement.message) card.title = String(b.title ?? '');
      break;
    case 'LetsMeet':
      card.meeting = {
        startingTime: String(b.startingTime),
        durationInMins: Number(b.durationInMins),
        place: (b.place as Place | null | undefined) ?? null,
        agenda: String(b.agenda ?? ''),
      };
      break;
    default:
      card.media = { caption: String(b.caption ?? ''), files: cardFiles(a, url) };
  }
  return card;
}

/** CSV cells: quoted when needed; a cell that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(value: string): string {
  // a plain number or phone number ("+1425…", "-3.5") is data; anything else starting so could run as a formula
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s.]+$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The rows of a responses export (header first): one row per response the viewer may see. */
export function responseRows(a: ActionRecord, responses: ResponseRecord[], viewer: Viewer): string[][] {
  const all = seesAllResponses(a, viewer);
  const visible = all ? responses : responses.filter((r) => r.responderPhone === viewer.phone);
  const who = (r: ResponseRecord) => (a.isAnonymous && r.responderPhone !== viewer.phone ? ['Anonymous', ''] : [r.responderName, r.responderPhone]);
  const when = (r: ResponseRecord) => new Date(r.updatedAt).toISOString();
  if (a.actionType === 'Job')
    return [['Responder', 'Phone', 'Completed', 'Responded at'], ...visible.map((r) => [...who(r), r.isCompleted ? 'yes' : 'no', when(r)])];
  const questions = questionsOf(a);
  return [
    ['Responder', 'Phone', ...questions.map((q) => q.title), 'Responded at'],
    ...visible.map((r) => [...who(r), ...questions.map((q, i) => formatAnswer(q, r.answers?.[i])), when(r)]),
  ];
}
