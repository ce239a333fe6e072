import { z } from 'zod';
import type { Place, Question } from './definition';

/** What the portal (client components too) may import from the actions domain: pure rules, input schemas, DTOs. */
export { ACTION_TYPES, QUESTION_TYPES, type ActionType, type Question, type QuestionType, type Place } from './definition';
import type { ActionType } from './definition';
export { checkAnswer, checkAnswers, ANSWER_TEXT_MAX, type AnswerProblem, type LocationAnswer } from './answers';

export { ANSWER_FILE_KINDS, answerFileKind, type AnswerFileKind } from './answer-kinds';
import type { AnswerFileKind } from './answer-kinds';

/** A file that answers a question, as the portal's upload returns it (`url`: a signed link for the uploader). */
export interface AnswerFileDto {
  mediaResource: string;
  fileName: string;
  kind: AnswerFileKind;
  mimeType: string;
  size: number;
  url: string;
}

/** The ACTIONS tab's responses: a job's "Mark complete", a poll's vote, a survey's answers (`responseId` changes yours). */
export const respondActionSchema = z.object({
  groupId: z.uuid(),
  actionId: z.uuid(),
  responseId: z.uuid().optional(),
  isCompleted: z.boolean().optional(),
  answers: z.array(z.unknown()).max(100).optional(),
});
export type RespondActionInput = z.infer<typeof respondActionSchema>;

export interface MyResponse {
  responseId: string;
  answers: unknown[] | null;
  isCompleted: boolean | null;
}

/** A file an action carries, with a signed link for the viewer (valid at least 15 minutes; the polled feed renews it). */
export interface MediaFileDto {
  url: string;
  fileName: string;
  mimeType: string;
  kind: 'image' | 'audio' | 'video' | 'document';
  size: number;
}

/** One card of the ACTIONS tab. Times are ISO strings. */
export interface ActionCardDto {
  id: string;
  referenceId: string;
  actionType: ActionType;
  title: string;
  sender: { type: 'member' | 'connector' | 'bot'; name: string; isYou: boolean };
  sentAt: string;
  expiresAt: string | null;
  /** a poll or survey past its expiry: no more responses */
  isClosed: boolean;
  responseCount: number;
  /** the viewer may respond now (a member or admin; for a job, an assignee) */
  canRespond: boolean;
  /** the viewer sees everyone's responses and the results (not a sender-only action of someone else) */
  seesResponses: boolean;
  mine: MyResponse[];
  poll?: { choices: { title: string; count: number | null; image?: MediaFileDto }[] };
  job?: {
    assignees: { mobileNumber: string; name: string; isCompleted: boolean; isYou: boolean }[];
    completed: number;
    isCompleted: boolean;
    isOverdue: boolean;
  };
  survey?: {
    questions: Question[];
    /** the files that Image / AttachmentList answers name (by the mediaResource in the answer), with links */
    files: Record<string, MediaFileDto>;
    /** the size limit of each kind of file an answer may carry (bytes) */
    fileLimits?: Record<AnswerFileKind, number>;
    isAnonymous: boolean;
    acceptMultipleResponses: boolean;
    /** null when the viewer may not see them */
    responses:
      | {
          id: string;
          responder: string | null;
          answers: string[];
          /** per question: the files an Image / AttachmentList answer carries (null for other questions) */
          files: (MediaFileDto[] | null)[];
          respondedAt: string;
        }[]
      | null;
  };
  announcement?: { message: string; files: MediaFileDto[] };
  /** Image, Album, Audio, Video, Document */
  media?: { caption: string; files: MediaFileDto[] };
  meeting?: { startingTime: string; durationInMins: number; place: Place | null; agenda: string };
}
