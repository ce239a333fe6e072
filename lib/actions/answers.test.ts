import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { checkAnswer, checkAnswers, describeProblem } from './answers';
import { actionTypeOf, mediaRefsOf, parseActionBody, type Question } from './definition';
import { csvCell, responseRows } from './cards';
import type { ActionRecord } from './view';

const Q: Question[] = [
  { title: 'Shift', type: 'SingleOption', options: [{ title: 'Early' }, { title: 'Late' }] },
  { title: 'Tools', type: 'MultiOption', options: [{ title: 'Drill' }, { title: 'Saw' }, { title: 'Ladder' }] },
  { title: 'Notes', type: 'Text' },
  { title: 'Crates', type: 'Numeric' },
  { title: 'Delivered on', type: 'Date' },
  { title: 'Where', type: 'Location' },
  { title: 'Photos', type: 'AttachmentList' },
  { title: 'Receipt', type: 'Image' },
  { title: 'ResponseTime', type: 'DateTime', isInvisible: true },
];
const GOOD = ['Late', ['Saw', 'Drill'], 'all fine', 12, 1765000000000, { lt: 47.6, lg: -122.3, n: 'Dock B' }, ['m1', 'm2'], 'img', null];

describe('survey answers', () => {
  it('accepts one typed answer per question and normalizes them', () => {
    const r = checkAnswers(Q, GOOD);
    expect(r).toEqual({
      ok: true,
      answers: ['Late', ['Drill', 'Saw'], 'all fine', 12, 1765000000000, { lt: 47.6, lg: -122.3, n: 'Dock B' }, ['m1', 'm2'], 'img', null],
    });
  });

  it('takes an option by its index, numbers and epochs as strings, an ISO date, a { latitude, longitude } location', () => {
    expect(checkAnswer(Q[0]!, '0')).toEqual({ ok: true, value: 'Early' });
    expect(checkAnswer(Q[0]!, 1)).toEqual({ ok: true, value: 'Late' });
    expect(checkAnswer(Q[0]!, ' late ')).toEqual({ ok: true, value: 'Late' });
    expect(checkAnswer(Q[3]!, '-3.5')).toEqual({ ok: true, value: -3.5 });
    expect(checkAnswer(Q[4]!, '2026-12-24')).toEqual({ ok: true, value: Date.parse('2026-12-24') });
    expect(checkAnswer(Q[5]!, { latitude: 1, longitude: 2 })).toEqual({ ok: true, value: { lt: 1, lg: 2, n: '' } });
  });

  it.each([
    [0, 'Noon', 'Choose one of "Early", "Late".'],
    [0, 2, 'Choose one of "Early", "Late".'],
    [1, 'Saw', 'Send a list of the chosen options ("Drill", "Saw", "Ladder").'],
    [1, ['Saw', 'Hammer'], '"Hammer" is not one of "Drill", "Saw", "Ladder".'],
    [1, ['Saw', 'saw'], '"Saw" is chosen twice.'],
    [2, 42, 'Answer with text.'],
    [2, 'x'.repeat(4001), 'An answer can have at most 4000 characters.'],
    [3, 'twelve', 'Answer with a number.'],
    [3, true, 'Answer with a number.'],
    [4, 'someday', 'Answer with a date (epoch milliseconds).'],
    [5, { lt: 91, lg: 0 }, 'The latitude (lt) must be a number from -90 to 90.'],
    [5, 'Dock B', 'Answer with a location { lt, lg, n }.'],
    [6, 'm1', 'Answer with a list of attachments (mediaResource strings).'],
    [7, 5, 'Answer with an image (a mediaResource from /v1/media).'],
  ])('question %i refuses %j: %s', (i, value, message) => {
    expect(checkAnswer(Q[i]!, value)).toEqual({ ok: false, message });
  });

  it('names every question with a problem; missing visible answers are required, invisible ones optional', () => {
    const answers = [...GOOD];
    answers[2] = '  ';
    answers[3] = 'many';
    const r = checkAnswers(Q, answers.slice(0, 8));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { index: 2, title: 'Notes', message: 'An answer is required.' },
      { index: 3, title: 'Crates', message: 'Answer with a number.' },
    ]);
    expect(describeProblem(r.problems[1]!)).toBe('answers[3] ("Crates"): Answer with a number.');
  });

  it('refuses answers that are not a list, or more answers than questions', () => {
    expect(checkAnswers(Q, 'Late')).toMatchObject({ ok: false, problems: [{ index: -1 }] });
    const r = checkAnswers(Q.slice(0, 1), ['Late', 'extra']);
    expect(r.ok ? null : describeProblem(r.problems[0]!)).toBe('answers: There is 1 question, but 2 answers.');
  });
});

describe('action definitions', () => {
  const detail = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as DomainError).message;
    }
    return null;
  };

  it('reads both capitalizations and applies the defaults of §5.8', () => {
    expect(parseActionBody('Announcement', { Title: 'Hi', Message: 'All hands at 4', MediaResources: [] })).toEqual({
      actionType: 'Announcement',
      title: 'Hi',
      message: 'All hands at 4',
      mediaResources: [],
    });
    expect(parseActionBody('Poll', { Question: 'Lunch?', Choices: [{ Title: 'Pizza' }, { title: 'Salad' }] })).toEqual({
      actionType: 'Poll',
      question: 'Lunch?',
      choices: [{ title: 'Pizza' }, { title: 'Salad' }],
      expiryInHours: 720,
      isSenderOnly: false,
    });
    expect(parseActionBody('Job', { title: 'Restock', assignedTo: ['+14255550101'] })).toMatchObject({ dueInHours: 24 });
    expect(parseActionBody('LetsMeet', { title: 'Sync', startingTime: '2026-12-24T15:00:00Z', duration: 45 })).toMatchObject({
      durationInMins: 45,
      place: null,
    });
  });

  it('names the field of every problem and never cuts', () => {
    expect(detail(() => parseActionBody('Poll', { question: 'Q', choices: [{ title: 'only' }] }))).toBe('actionBody.choices: a poll needs at least 2 choices.');
    expect(detail(() => parseActionBody('Job', { title: 'x'.repeat(501), assignedTo: ['+1'] }))).toBe('actionBody.title: can have at most 500 characters.');
    expect(detail(() => parseActionBody('Job', { title: 'T', assignedTo: [] }))).toMatch(/^actionBody.assignedTo: /);
    expect(detail(() => parseActionBody('Job', { title: 'T', assignedTo: ['+14255550101'], dueDate: 'soon' }))).toBe(
      'actionBody.dueDate: must be a number of hours.',
    );
    expect(detail(() => parseActionBody('Survey', { title: 'S', questions: [{ title: 'Q', type: 'Slider' }] }))).toMatch(
      /^actionBody.questions\[0\].type: must be one of/,
    );
    expect(detail(() => parseActionBody('Survey', { title: 'S', questions: [{ title: 'Q', type: 'SingleOption', options: [{ title: 'a' }] }] }))).toBe(
      'actionBody.questions[0].options: a SingleOption question needs at least 2 options.',
    );
    expect(detail(() => parseActionBody('LetsMeet', { title: 'M', startingTime: 'tomorrow' }))).toMatch(/^actionBody.startingTime: /);
  });

  it('knows its types in any case, the media types too; unknown types are a clear 400', () => {
    expect(actionTypeOf('poll')).toBe('Poll');
    expect(actionTypeOf('album')).toBe('Album');
    expect(detail(() => actionTypeOf('Quiz'))).toBe(
      '"Quiz" is not an action type we can create: use Announcement, Job, Poll, Survey, LetsMeet, Image, Audio, Document, Video or Album (media types post an upload from /v1/media).',
    );
    expect(detail(() => actionTypeOf(undefined))).toMatch(/^Send actionType/);
  });

  it('media actions: one upload (an album 1 to 10 pictures, each once), a caption; every upload an action carries, with its field and kind', () => {
    expect(parseActionBody('Image', { MediaResource: 'm1', Caption: 'Shelf' })).toEqual({ actionType: 'Image', caption: 'Shelf', mediaResources: ['m1'] });
    expect(parseActionBody('Album', { mediaResources: ['a', 'b'] })).toEqual({ actionType: 'Album', caption: '', mediaResources: ['a', 'b'] });
    expect(detail(() => parseActionBody('Album', { mediaResources: ['a', 'a'] }))).toBe('actionBody.mediaResources: every picture can be in the album once.');
    expect(detail(() => parseActionBody('Album', { mediaResources: Array.from({ length: 11 }, (_, i) => `m${i}`) }))).toBe(
      'actionBody.mediaResources: can have at most 10 entries.',
    );
    expect(detail(() => parseActionBody('Video', {}))).toBe('actionBody.mediaResource: is required: upload the file with POST /v1/media first.');
    expect(mediaRefsOf(parseActionBody('Album', { mediaResources: ['a', 'b'] }))).toEqual([
      { ref: 'a', field: 'actionBody.mediaResources[0]', kind: 'image' },
      { ref: 'b', field: 'actionBody.mediaResources[1]', kind: 'image' },
    ]);
    expect(mediaRefsOf(parseActionBody('Document', { mediaResource: 'd' }))).toEqual([{ ref: 'd', field: 'actionBody.mediaResource', kind: 'document' }]);
    expect(mediaRefsOf(parseActionBody('Announcement', { message: 'm', mediaResources: ['x'] }))).toEqual([
      { ref: 'x', field: 'actionBody.mediaResources[0]', kind: null },
    ]);
    expect(mediaRefsOf(parseActionBody('Poll', { question: 'Q', choices: [{ title: 'A' }, { title: 'B', image: 'p' }] }))).toEqual([
      { ref: 'p', field: 'actionBody.choices[1].image', kind: 'image' },
    ]);
  });
});

describe('responses export', () => {
  const survey: ActionRecord = {
    id: 'a',
    referenceId: 'r',
    actionType: 'Survey',
    senderKind: 'connector',
    senderName: 'Bot',
    senderPhone: null,
    senderConnectorId: 'c',
    title: 'Site check',
    body: { questions: Q.slice(2, 4) },
    isAnonymous: true,
    isSenderOnly: false,
    acceptMultipleResponses: false,
    expiresAt: null,
    createdAt: 0,
  };
  const responses = [
    { id: '1', responderPhone: '+1', responderName: 'Ann', answers: ['=HYPERLINK("x")', 3], isCompleted: null, createdAt: 0, updatedAt: 0 },
    { id: '2', responderPhone: '+2', responderName: 'Ben', answers: ['ok, "fine"', 4], isCompleted: null, createdAt: 0, updatedAt: 0 },
  ];
  it('hides responders of an anonymous survey (except your own) and defuses formulas', () => {
    const rows = responseRows(survey, responses, { phone: '+2', isAdmin: false });
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Responder', 'Phone', 'Notes', 'Crates'],
      ['Anonymous', '', '=HYPERLINK("x")', '3'],
      ['Ben', '+2', 'ok, "fine"', '4'],
    ]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('ok, "fine"')).toBe('"ok, ""fine"""');
    expect(csvCell('+14255550101')).toBe('+14255550101');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('-1+SUM(A1)')).toBe("'-1+SUM(A1)");
  });
  it('a sender-only action shows a member only their own response', () => {
    const rows = responseRows({ ...survey, isSenderOnly: true, isAnonymous: false }, responses, { phone: '+1', isAdmin: false });
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('Ann');
  });
});
