import { DomainError } from '@/lib/errors';

/**
 * What an Action is (kaizala-connectors.md §5.7–§5.8), pure so /v1, the portal and the tests share it: the
 * types we create, the question types of surveys, and the normalization of a create request's `actionBody`
 * into a definition. Field names are matched without regard to case (`title`/`Title`, `Message`/`message`,
 * `MediaResources`/`mediaResources`, `DurationInMins`/`duration` …: the samples use both); every problem is a
 * 400 naming the field, nothing is cut or silently dropped.
 */
export const ACTION_TYPES = ['Announcement', 'Job', 'Poll', 'Survey', 'LetsMeet'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Media actions (§5.6) are posted with an upload from /v1/media (another route's work). */
export const MEDIA_ACTION_TYPES = ['Image', 'Audio', 'Document', 'Video', 'Album'] as const;

export const QUESTION_TYPES = ['SingleOption', 'MultiOption', 'Text', 'Image', 'Numeric', 'Date', 'DateTime', 'Location', 'AttachmentList'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Question {
  title: string;
  type: QuestionType;
  /** SingleOption / MultiOption */
  options?: { title: string }[];
  isInvisible?: boolean;
}

export interface Place {
  latitude: number;
  longitude: number;
  name: string;
}

export type ActionDefinition =
  | { actionType: 'Announcement'; title: string; message: string; mediaResources: string[] }
  | { actionType: 'Job'; title: string; assignedTo: string[]; dueInHours: number }
  | { actionType: 'Poll'; question: string; choices: { title: string; image?: string }[]; expiryInHours: number; isSenderOnly: boolean }
  | {
      actionType: 'Survey';
      title: string;
      dueInHours: number;
      isAnonymous: boolean;
      isSenderOnly: boolean;
      acceptMultipleResponses: boolean;
      questions: Question[];
    }
  | { actionType: 'LetsMeet'; title: string; startingTime: string; durationInMins: number; place: Place | null; agenda: string; isSenderOnly: boolean };

export const LIMITS = {
  title: 500,
  text: 4000,
  choices: { min: 2, max: 20 },
  choiceTitle: 200,
  questions: { min: 1, max: 50 },
  options: { min: 2, max: 50 },
  assignees: 100,
  /** hours: a year at most for due dates and expiries */
  hours: 8760,
  /** minutes: a meeting of at most a day */
  duration: 1440,
} as const;

export const DEFAULTS = { jobDueHours: 24, pollExpiryHours: 720, surveyDueHours: 24, meetingMinutes: 30 } as const;

/** Characters as a person counts them (code points), as Postgres' char_length. */
const chars = (s: string) => [...s].length;

const bad = (field: string, problem: string): never => {
  throw new DomainError('InvalidParameters', { detail: `${field}: ${problem}` });
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of the first key that matches one of `names` without regard to case. */
export function field(obj: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    if (name in obj) return obj[name];
    const lower = name.toLowerCase();
    const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
    if (key !== undefined) return obj[key];
  }
  return undefined;
}

function text(v: unknown, name: string, opts: { required: boolean; max: number }): string {
  if (v === undefined || v === null) return opts.required ? bad(name, 'is required.') : '';
  if (typeof v !== 'string') return bad(name, 'must be text.');
  if (opts.required && v.trim() === '') return bad(name, 'must not be empty.');
  if (chars(v) > opts.max) return bad(name, `can have at most ${opts.max} characters.`);
  return v;
}

function bool(v: unknown, name: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && ['true', 'false'].includes(v.toLowerCase())) return v.toLowerCase() === 'true';
  return bad(name, 'must be true or false.');
}

function number(v: unknown, name: string, opts: { fallback: number; max: number; unit: string }): number {
  if (v === undefined || v === null || v === '') return opts.fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return bad(name, `must be a number of ${opts.unit}.`);
  if (n <= 0) return bad(name, `must be more than 0 ${opts.unit}.`);
  if (n > opts.max) return bad(name, `can be at most ${opts.max} ${opts.unit}.`);
  return n;
}

function list(v: unknown, name: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return bad(name, 'must be a list.');
  return v;
}

function strings(v: unknown, name: string, max: number): string[] {
  const items = list(v, name);
  if (items.length > max) bad(name, `can have at most ${max} entries.`);
  return items.map((s, i) => (typeof s === 'string' && s.trim() ? s : bad(`${name}[${i}]`, 'must be a non-empty string.')));
}

function questionsOf(v: unknown, name: string): Question[] {
  if (v === undefined || v === null) return bad(name, 'is required: a survey needs at least one question.');
  const items = list(v, name);
  if (items.length < LIMITS.questions.min) bad(name, 'a survey needs at least one question.');
  if (items.length > LIMITS.questions.max) bad(name, `can have at most ${LIMITS.questions.max} questions.`);
  return items.map((q, i) => {
    const at = `${name}[${i}]`;
    if (!isRecord(q)) return bad(at, 'must be an object with title and type.');
    const title = text(field(q, 'title'), `${at}.title`, { required: true, max: LIMITS.title });
    const rawType = field(q, 'type');
    const type = QUESTION_TYPES.find((t) => typeof rawType === 'string' && t.toLowerCase() === rawType.toLowerCase());
    if (!type) return bad(`${at}.type`, `must be one of ${QUESTION_TYPES.join(', ')}.`);
    const question: Question = { title, type };
    if (bool(field(q, 'isInvisible'), `${at}.isInvisible`)) question.isInvisible = true;
    if (type === 'SingleOption' || type === 'MultiOption') {
      const options = list(field(q, 'options'), `${at}.options`);
      if (options.length < LIMITS.options.min) bad(`${at}.options`, `a ${type} question needs at least ${LIMITS.options.min} options.`);
      if (options.length > LIMITS.options.max) bad(`${at}.options`, `can have at most ${LIMITS.options.max} options.`);
      question.options = options.map((o, j) => ({
        title: text(isRecord(o) ? field(o, 'title') : o, `${at}.options[${j}].title`, { required: true, max: LIMITS.choiceTitle }),
      }));
      const seen = new Set(question.options.map((o) => o.title));
      if (seen.size !== question.options.length) bad(`${at}.options`, 'every option needs a different title.');
    }
    return question;
  });
}

function placeOf(v: unknown, name: string): Place | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v)) return bad(name, 'must be { latitude, longitude, name }.');
  const lat = field(v, 'latitude', 'lt');
  const lng = field(v, 'longitude', 'lg');
  if (typeof lat !== 'number' || lat < -90 || lat > 90) bad(`${name}.latitude`, 'must be a number from -90 to 90.');
  if (typeof lng !== 'number' || lng < -180 || lng > 180) bad(`${name}.longitude`, 'must be a number from -180 to 180.');
  return { latitude: lat as number, longitude: lng as number, name: text(field(v, 'name', 'n'), `${name}.name`, { required: false, max: LIMITS.title }) };
}

/** The action type a request names: one of ours (any case), else a 400 that lists them. */
export function actionTypeOf(raw: unknown): ActionType {
  const given = typeof raw === 'string' ? raw.trim() : '';
  const type = ACTION_TYPES.find((t) => t.toLowerCase() === given.toLowerCase());
  if (type) return type;
  if (MEDIA_ACTION_TYPES.some((t) => t.toLowerCase() === given.toLowerCase()))
    throw new DomainError('UnknownActionType', { given, hint: ' Media actions need an upload from /v1/media first; they are not available here yet.' });
  throw new DomainError('UnknownActionType', { given, hint: '' });
}

/** Normalizes a create request's `actionBody` for `type` (§5.8); a 400 naming the field for anything wrong. */
export function parseActionBody(type: ActionType, raw: unknown): ActionDefinition {
  if (raw !== undefined && raw !== null && !isRecord(raw)) bad('actionBody', 'must be an object.');
  const b = (raw ?? {}) as Record<string, unknown>;
  const at = (f: string) => `actionBody.${f}`;
  switch (type) {
    case 'Announcement': {
      const title = text(field(b, 'title'), at('title'), { required: false, max: LIMITS.title });
      const message = text(field(b, 'message'), at('message'), { required: false, max: LIMITS.text });
      if (!title.trim() && !message.trim()) bad(at('message'), 'an announcement needs a title or a message.');
      return { actionType: type, title, message, mediaResources: strings(field(b, 'mediaResources'), at('mediaResources'), 10) };
    }
    case 'Job': {
      const assignedTo = strings(field(b, 'assignedTo'), at('assignedTo'), LIMITS.assignees);
      if (!assignedTo.length) bad(at('assignedTo'), 'assign the job to at least one member (phone numbers).');
      return {
        actionType: type,
        title: text(field(b, 'title'), at('title'), { required: true, max: LIMITS.title }),
        assignedTo,
        dueInHours: number(field(b, 'dueDate'), at('dueDate'), { fallback: DEFAULTS.jobDueHours, max: LIMITS.hours, unit: 'hours' }),
      };
    }
    case 'Poll': {
      const choices = list(field(b, 'choices', 'options'), at('choices'));
      if (choices.length < LIMITS.choices.min) bad(at('choices'), `a poll needs at least ${LIMITS.choices.min} choices.`);
      if (choices.length > LIMITS.choices.max) bad(at('choices'), `can have at most ${LIMITS.choices.max} choices.`);
      const parsed = choices.map((c, i) => {
        const title = text(isRecord(c) ? field(c, 'title') : c, at(`choices[${i}].title`), { required: true, max: LIMITS.choiceTitle });
        const image = isRecord(c) ? field(c, 'image') : undefined;
        if (image !== undefined && image !== null && typeof image !== 'string') bad(at(`choices[${i}].image`), 'must be a mediaResource string.');
        return { title, ...(typeof image === 'string' && image ? { image } : {}) };
      });
      if (new Set(parsed.map((c) => c.title)).size !== parsed.length) bad(at('choices'), 'every choice needs a different title.');
      return {
        actionType: type,
        question: text(field(b, 'question', 'title'), at('question'), { required: true, max: LIMITS.title }),
        choices: parsed,
        expiryInHours: number(field(b, 'expiryInHours'), at('expiryInHours'), { fallback: DEFAULTS.pollExpiryHours, max: LIMITS.hours, unit: 'hours' }),
        isSenderOnly: bool(field(b, 'isSenderOnly'), at('isSenderOnly')),
      };
    }
    case 'Survey':
      return {
        actionType: type,
        title: text(field(b, 'title'), at('title'), { required: true, max: LIMITS.title }),
        dueInHours: number(field(b, 'dueDate'), at('dueDate'), { fallback: DEFAULTS.surveyDueHours, max: LIMITS.hours, unit: 'hours' }),
        isAnonymous: bool(field(b, 'isAnonymous'), at('isAnonymous')),
        isSenderOnly: bool(field(b, 'isSenderOnly'), at('isSenderOnly')),
        acceptMultipleResponses: bool(field(b, 'acceptMultipleResponses'), at('acceptMultipleResponses')),
        questions: questionsOf(field(b, 'questions'), at('questions')),
      };
    case 'LetsMeet': {
      const startingTime = text(field(b, 'startingTime'), at('startingTime'), { required: true, max: 64 });
      if (Number.isNaN(Date.parse(startingTime))) bad(at('startingTime'), 'must be an ISO date and time, e.g. 2026-12-24T15:00:00Z.');
      return {
        actionType: type,
        title: text(field(b, 'title'), at('title'), { required: true, max: LIMITS.title }),
        startingTime,
        durationInMins: number(field(b, 'durationInMins', 'duration'), at('durationInMins'), {
          fallback: DEFAULTS.meetingMinutes,
          max: LIMITS.duration,
          unit: 'minutes',
        }),
        place: placeOf(field(b, 'place'), at('place')),
        agenda: text(field(b, 'agenda'), at('agenda'), { required: false, max: LIMITS.text }),
        isSenderOnly: bool(field(b, 'isSenderOnly'), at('isSenderOnly')),
      };
    }
  }
}

/** The title shown for an action (a poll's question). */
export const titleOf = (d: ActionDefinition) => (d.actionType === 'Poll' ? d.question : d.title || (d.actionType === 'Announcement' ? d.message : ''));

/** The hours until responses close (polls, surveys) or the job is due; none for announcements and meetings. */
export function hoursOf(d: ActionDefinition): number | null {
  if (d.actionType === 'Poll') return d.expiryInHours;
  if (d.actionType === 'Survey' || d.actionType === 'Job') return d.dueInHours;
  return null;
}

/** The questions a response answers: a poll is one SingleOption question over its choices. */
export function questionsOfBody(actionType: ActionType, body: Record<string, unknown>): Question[] {
  if (actionType === 'Poll')
    return [
      { title: String(body.question ?? ''), type: 'SingleOption', options: ((body.choices as { title: string }[]) ?? []).map((c) => ({ title: c.title })) },
    ];
  if (actionType === 'Survey') return (body.questions as Question[]) ?? [];
  return [];
}
