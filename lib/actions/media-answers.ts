import { questionsOf } from './view';
import type { ActionType } from './definition';

/**
 * The uploads a survey response answers with (§5.9: an Image question takes a mediaResource, an AttachmentList
 * several), each with the field an error names: /v1 `answers[1] ("Photo")`, the portal's form `answers.1`.
 * Answers of the wrong shape are left to writeResponse's checks.
 */
export interface AnswerMediaRef {
  ref: string;
  field: string;
  kind: 'image' | null;
  /** the question's position */
  index: number;
}

export function answerMediaRefs(
  action: { actionType: ActionType; body: Record<string, unknown> },
  answers: unknown,
  style: 'api' | 'portal' = 'api',
): AnswerMediaRef[] {
  if (!Array.isArray(answers)) return [];
  return questionsOf(action).flatMap((q, i): AnswerMediaRef[] => {
    const v: unknown = answers[i];
    const field = (j?: number) => (style === 'portal' ? `answers.${i}` : `answers[${i}]${j === undefined ? '' : `[${j}]`} ("${q.title}")`);
    if (q.type === 'Image' && typeof v === 'string' && v.trim()) return [{ ref: v, field: field(), kind: 'image', index: i }];
    if (q.type === 'AttachmentList' && Array.isArray(v))
      return v.flatMap((ref: unknown, j) => (typeof ref === 'string' && ref.trim() ? [{ ref, field: field(j), kind: null, index: i }] : []));
    return [];
  });
}

/** Every mediaResource the answers of some responses name (to look their files up for links). */
export const answerMediaIds = (action: { actionType: ActionType; body: Record<string, unknown> }, responses: { answers: unknown[] | null }[]) =>
  responses.flatMap((r) => answerMediaRefs(action, r.answers).map((m) => m.ref));
