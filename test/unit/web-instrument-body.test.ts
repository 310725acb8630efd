import { describe, expect, it } from 'vitest';
import { instrumentBody } from '../../src/modules/measurements/measurement.schemas.js';
import { readDraft, serverProblems, type InstrumentDraft } from '../../web/src/screens/admin/instrument-body.js';

const row = (key: number, code: string, minScore: string, maxScore: string, label = '') => ({ key, code, label, minScore, maxScore });

/** The API's 400 details for a body, as fastify-type-provider-zod words them (pointer + zod issue code). */
function apiErrors(body: unknown) {
  const parsed = instrumentBody.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ pointer: `/body/${issue.path.join('/')}`, code: issue.code }));
}

describe('a new questionnaire version typed in the web app', () => {
  it('reads a good draft into the body the API accepts', () => {
    const draft: InstrumentDraft = { name: ' Stress ', version: '2027-1', rows: [row(1, 'stress_geld', '0', '4', ' Hoeveel stress? '), row(2, 'rust', '-2', '2')] };
    const result = readDraft(draft);
    expect(result).toEqual({ request: { name: 'Stress', version: '2027-1', items: [
      { code: 'stress_geld', label: 'Hoeveel stress?', minScore: 0, maxScore: 4 }, { code: 'rust', minScore: -2, maxScore: 2 }] } });
    expect(instrumentBody.safeParse('request' in result ? result.request : null).success).toBe(true);
  });

  it('puts each mistake at the same field as the API would, with the same sentence', () => {
    const draft: InstrumentDraft = { name: '', version: 'versie 1', rows: [row(1, 'Stress', '0', '4'), row(2, 'rust', '5', '5'), row(3, 'rust', '1', '2000')] };
    const result = readDraft(draft);
    expect('problems' in result && result.problems).toEqual({
      '/body/name': 'nameRequired',
      '/body/version': 'version',
      '/body/items/0/code': 'code',
      '/body/items/1/maxScore': 'maxNotAboveMin',
      '/body/items/2/code': 'codeTwice',
      '/body/items/2/maxScore': 'score',
    });
    const body = { name: '', version: 'versie 1', items: [
      { code: 'Stress', minScore: 0, maxScore: 4 }, { code: 'rust', minScore: 5, maxScore: 5 }, { code: 'rust', minScore: 1, maxScore: 2000 }] };
    expect(serverProblems(apiErrors(body))).toEqual('problems' in result ? result.problems : {});
  });

  it('asks for at least one question, and refuses a score that is not a whole number', () => {
    expect(readDraft({ name: 'Stress', version: 'v1', rows: [] })).toEqual({ problems: { '/body/items': 'noQuestions' } });
    expect(serverProblems(apiErrors({ name: 'Stress', version: 'v1', items: [] }))).toEqual({ '/body/items': 'noQuestions' });
    expect(readDraft({ name: 'Stress', version: 'v1', rows: [row(1, 'a', '1,5', 'x')] })).toEqual({ problems: {
      '/body/items/0/minScore': 'score', '/body/items/0/maxScore': 'score' } });
  });
});
