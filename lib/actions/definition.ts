import { DomainError } from '@/lib/errors';
import { bad, bool, field, isRecord, list, number, strings, text } from './fields';

export { field } from './fields';

/**
 * What an Action is (kaizala-connectors.md §5.7–§5.8), pure so /v1, the portal and the tests share it: the
 * types we create, the question types of surveys, and the normalization of a create request's `actionBody`
 * into a definition. Field names are matched without regard to case (`title`/`Title`, `Message`/`message`,
 * `MediaResources`/`mediaResources`, `DurationInMins`/`duration` …: the samples use both); every problem is a
 * 400 naming the field, nothing is cut or silently dropped.
 */
/** Media actions (§5.6) post uploads from /v1/media (`mediaResource`, an Album several). */
export const MEDIA_ACTION_TYPES = ['Image', 'Audio', 'Document', 'Video', 'Album'] as const;
export type MediaActionType = (typeof MEDIA_ACTION_TYPES)[number];

/** `Custom`: an instance of an Action package, created by the package's `id` (lib/actions/packages.ts). */
export const ACTION_TYPES = ['Announcement', 'Job', 'Poll', 'Survey', 'LetsMeet', ...MEDIA_ACTION_TYPES, 'Custom'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const isMediaActionType = (t: string): t is MediaActionType => (MEDIA_ACTION_TYPES as readonly string[]).includes(t);

/** The kind of upload each media action takes (an Album: pictures). */
export const MEDIA_KIND_OF: Record<MediaActionType, 'image' | 'audio' | 'video' | 'document'> = {
  Image: 'image',
  Album: 'image',
  Audio: 'audio',
  Video: 'video',
  Document: 'document',
};

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
  | { actionType: 'LetsMeet'; title: string; startingTime: string; durationInMins: number; place: Place | null; agenda: string; isSenderOnly: boolean }
  | { actionType: MediaActionType; caption: string; mediaResources: string[] }
  | {
      actionType: 'Custom';
      packageId: string;
      packageName: string;
      title: string;
      dueInHours: number;
      isAnonymous: boolean;
      isSenderOnly: boolean;
      acceptMultipleResponses: boolean;
      questions: Question[];
      properties: { name: string; type: string; value: unknown }[];
    };

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
  /** pictures of an Album, attachments of an Announcement */
  album: 10,
} as const;

export const DEFAULTS = { jobDueHours: 24, pollExpiryHours: 720, surveyDueHours: 24, meetingMinutes: 30 } as const;

export function questionsOf(v: unknown, name: string): Question[] {
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
  throw new DomainError('UnknownActionType', { given });
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
      return { actionType: type, title, message, mediaResources: strings(field(b, 'mediaResources'), at('mediaResources'), LIMITS.album) };
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
    case 'Custom':
      return bad('id', 'a custom action is created with the id of its Action package instead of actionType.');
    default:
      return mediaBody(type, b);
  }
}

/**
 * A media action (§5.6 step 2): `{ mediaResource, caption? }`; an Album takes `mediaResources` (1 to 10
 * pictures; a single `mediaResource` is one picture). The uploads themselves are checked where the action is
 * written (the token must be allowed to use them in the group, and each must be of the type's kind).
 */
function mediaBody(type: MediaActionType, b: Record<string, unknown>): ActionDefinition {
  const at = (f: string) => `actionBody.${f}`;
  const caption = text(field(b, 'caption', 'title', 'message'), at('caption'), { required: false, max: LIMITS.text });
  const one = field(b, 'mediaResource');
  const many = field(b, 'mediaResources');
  let resources: string[];
  if (type === 'Album' && many !== undefined && many !== null) resources = strings(many, at('mediaResources'), LIMITS.album);
  else if (Array.isArray(one) && type === 'Album') resources = strings(one, at('mediaResource'), LIMITS.album);
  else if (one !== undefined && one !== null) {
    if (typeof one !== 'string' || !one.trim()) return bad(at('mediaResource'), 'must be the mediaResource string of an upload from POST /v1/media.');
    resources = [one];
  } else return bad(at(type === 'Album' ? 'mediaResources' : 'mediaResource'), 'is required: upload the file with POST /v1/media first.');
  if (!resources.length) bad(at('mediaResources'), 'an album needs at least one picture.');
  if (new Set(resources).size !== resources.length) bad(at('mediaResources'), 'every picture can be in the album once.');
  return { actionType: type, caption, mediaResources: resources };
}

/**
 * Every upload an action carries, with the field that names it and the kind it must be: a media action's
 * files, an announcement's `mediaResources` (any kind), a poll choice's `image`.
 */
export function mediaRefsOf(d: ActionDefinition): { ref: string; field: string; kind: 'image' | 'audio' | 'video' | 'document' | null }[] {
  if (isMediaActionType(d.actionType) && 'mediaResources' in d)
    return d.mediaResources.map((ref, i) => ({
      ref,
      field: d.actionType === 'Album' ? `actionBody.mediaResources[${i}]` : 'actionBody.mediaResource',
      kind: MEDIA_KIND_OF[d.actionType as MediaActionType],
    }));
  if (d.actionType === 'Announcement') return d.mediaResources.map((ref, i) => ({ ref, field: `actionBody.mediaResources[${i}]`, kind: null }));
  if (d.actionType === 'Poll')
    return d.choices.flatMap((c, i) => (c.image ? [{ ref: c.image, field: `actionBody.choices[${i}].image`, kind: 'image' as const }] : []));
  return [];
}

/** The title shown for an action (a poll's question). */
export const titleOf = (d: ActionDefinition) =>
  d.actionType === 'Poll' ? d.question : 'caption' in d ? d.caption : d.title || (d.actionType === 'Announcement' ? d.message : '');

/** The hours until responses close (polls, surveys) or the job is due; none for announcements and meetings. */
export function hoursOf(d: ActionDefinition): number | null {
  if (d.actionType === 'Poll') return d.expiryInHours;
  if (d.actionType === 'Survey' || d.actionType === 'Job' || d.actionType === 'Custom') return d.dueInHours;
  return null;
}

/** The questions a response answers: a poll is one SingleOption question over its choices. */
export function questionsOfBody(actionType: ActionType, body: Record<string, unknown>): Question[] {
  if (actionType === 'Poll')
    return [
      { title: String(body.question ?? ''), type: 'SingleOption', options: ((body.choices as { title: string }[]) ?? []).map((c) => ({ title: c.title })) },
    ];
  if (actionType === 'Survey' || actionType === 'Custom') return (body.questions as Question[]) ?? [];
  return [];
}
