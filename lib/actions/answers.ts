import { field, type Question } from './definition';

/**
 * Answers of a poll or survey response (kaizala-connectors.md §5.9): positional, one entry per question,
 * each typed by its question — a string for SingleOption / Text / Image (an option's title; its 0-based
 * index is accepted too), string[] for MultiOption / AttachmentList, a number for Numeric, epoch ms for
 * Date / DateTime (an ISO date string is accepted and converted), `{ lt, lg, n }` for Location. Pure: the
 * /v1 route answers the first problem as a 400 naming the question, the portal shows each under its field.
 * Nothing is cut: too long is a problem, not a shorter answer.
 */
export const ANSWER_TEXT_MAX = 4000;

export interface AnswerProblem {
  /** the question's position (-1: the answers as a whole) */
  index: number;
  title: string;
  message: string;
}

export type AnswersCheck = { ok: true; answers: unknown[] } | { ok: false; problems: AnswerProblem[] };

export interface LocationAnswer {
  lt: number;
  lg: number;
  n: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function option(q: Question, v: unknown): string | null {
  const options = q.options ?? [];
  if (typeof v === 'string') {
    const exact = options.find((o) => o.title === v) ?? options.find((o) => o.title.trim().toLowerCase() === v.trim().toLowerCase());
    if (exact) return exact.title;
    if (/^\d+$/.test(v.trim())) return options[Number(v.trim())]?.title ?? null;
    return null;
  }
  if (typeof v === 'number' && Number.isInteger(v)) return options[v]?.title ?? null;
  return null;
}

const choices = (q: Question) => (q.options ?? []).map((o) => `"${o.title}"`).join(', ');

/** One answer checked against its question: the normalized value, or the problem in words. */
export function checkAnswer(q: Question, v: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  switch (q.type) {
    case 'SingleOption': {
      const title = option(q, v);
      return title === null ? fail(`Choose one of ${choices(q)}.`) : { ok: true, value: title };
    }
    case 'MultiOption': {
      if (!Array.isArray(v)) return fail(`Send a list of the chosen options (${choices(q)}).`);
      const picked: string[] = [];
      for (const item of v) {
        const title = option(q, item);
        if (title === null) return fail(`"${String(item)}" is not one of ${choices(q)}.`);
        if (picked.includes(title)) return fail(`"${title}" is chosen twice.`);
        picked.push(title);
      }
      const order = (q.options ?? []).map((o) => o.title);
      return { ok: true, value: picked.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
    }
    case 'Text':
      if (typeof v !== 'string') return fail('Answer with text.');
      if ([...v].length > ANSWER_TEXT_MAX) return fail(`An answer can have at most ${ANSWER_TEXT_MAX} characters.`);
      return { ok: true, value: v };
    case 'Image':
      return typeof v === 'string' ? { ok: true, value: v } : fail('Answer with an image (a mediaResource from /v1/media).');
    case 'AttachmentList':
      return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '')
        ? { ok: true, value: v }
        : fail('Answer with a list of attachments (mediaResource strings).');
    case 'Numeric': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail('Answer with a number.');
    }
    case 'Date':
    case 'DateTime': {
      const ms = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : typeof v === 'string' ? Date.parse(v) : NaN;
      if (!Number.isInteger(ms) || ms < -62135596800000 || ms > 253402300799999)
        return fail(q.type === 'Date' ? 'Answer with a date (epoch milliseconds).' : 'Answer with a date and time (epoch milliseconds).');
      return { ok: true, value: ms };
    }
    case 'Location': {
      if (!isRecord(v)) return fail('Answer with a location { lt, lg, n }.');
      const lt = field(v, 'lt', 'latitude');
      const lg = field(v, 'lg', 'longitude');
      const n = field(v, 'n', 'name') ?? '';
      if (typeof lt !== 'number' || lt < -90 || lt > 90) return fail('The latitude (lt) must be a number from -90 to 90.');
      if (typeof lg !== 'number' || lg < -180 || lg > 180) return fail('The longitude (lg) must be a number from -180 to 180.');
      if (typeof n !== 'string') return fail('The place name (n) must be text.');
      return { ok: true, value: { lt, lg, n } satisfies LocationAnswer };
    }
  }
}

/** Every answer of a response checked against the questions (every visible question needs an answer). */
export function checkAnswers(questions: Question[], answers: unknown): AnswersCheck {
  if (!Array.isArray(answers))
    return { ok: false, problems: [{ index: -1, title: '', message: 'Send answers as a list with one entry per question, in order.' }] };
  if (answers.length > questions.length)
    return {
      ok: false,
      problems: [
        {
          index: -1,
          title: '',
          message: `There ${questions.length === 1 ? 'is 1 question' : `are ${questions.length} questions`}, but ${answers.length} answers.`,
        },
      ],
    };
  const problems: AnswerProblem[] = [];
  const out: unknown[] = [];
  questions.forEach((q, index) => {
    const v = answers[index];
    if (empty(v)) {
      if (!q.isInvisible) problems.push({ index, title: q.title, message: 'An answer is required.' });
      out.push(null);
      return;
    }
    const r = checkAnswer(q, v);
    if (r.ok) out.push(r.value);
    else problems.push({ index, title: q.title, message: r.message });
  });
  return problems.length ? { ok: false, problems } : { ok: true, answers: out };
}

/** The first problem as a /v1 detail: `answers[1] ("How many?"): Answer with a number.` */
export const describeProblem = (p: AnswerProblem) => (p.index < 0 ? `answers: ${p.message}` : `answers[${p.index}] ("${p.title}"): ${p.message}`);
