import { describe, expect, it } from 'vitest';
import { answerMediaIds, answerMediaRefs } from './media-answers';

const survey = {
  actionType: 'Survey' as const,
  body: {
    questions: [
      { title: 'Photo', type: 'Image' },
      { title: 'Papers', type: 'AttachmentList' },
      { title: 'Notes', type: 'Text' },
    ],
  },
};

describe('answerMediaRefs', () => {
  it('names each upload an answer carries, as /v1 and the portal name the field', () => {
    const answers = ['p1', ['d1', '', 'd2'], 'not a file'];
    expect(answerMediaRefs(survey, answers)).toEqual([
      { ref: 'p1', field: 'answers[0] ("Photo")', kind: 'image', index: 0 },
      { ref: 'd1', field: 'answers[1][0] ("Papers")', kind: null, index: 1 },
      { ref: 'd2', field: 'answers[1][2] ("Papers")', kind: null, index: 1 },
    ]);
    expect(answerMediaRefs(survey, answers, 'portal').map((r) => r.field)).toEqual(['answers.0', 'answers.1', 'answers.1']);
  });

  it('leaves answers of the wrong shape to the answer checks', () => {
    expect(answerMediaRefs(survey, [['p1'], 'd1'])).toEqual([]);
    expect(answerMediaRefs(survey, null)).toEqual([]);
    expect(answerMediaIds(survey, [{ answers: ['a', ['b']] }, { answers: null }])).toEqual(['a', 'b']);
  });
});
