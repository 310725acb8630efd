// The new questionnaire version as typed, read into the API's body with the API's own rules
// (measurement.schemas.ts), so a mistake is shown at its field before the confirmation step; the
// API's 400 details map onto the same fields by their JSON pointer. Problems are keys of
// `rt.instruments.errors` (text.ts), so this module stays free of the screen's words.

export interface QuestionRow { key: number; code: string; label: string; minScore: string; maxScore: string }
export interface InstrumentDraft { name: string; version: string; rows: QuestionRow[] }
export interface InstrumentRequest {
  name: string;
  version: string;
  items: { code: string; label?: string; minScore: number; maxScore: number }[];
}
export type Problem = 'nameRequired' | 'nameTooLong' | 'version' | 'code' | 'codeTwice' | 'labelTooLong' | 'score'
  | 'maxNotAboveMin' | 'noQuestions' | 'tooManyQuestions';

const VERSION = /^[A-Za-z0-9_.:-]{1,40}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

export const itemPointer = (index: number, field: string) => `/body/items/${index}/${field}`;

function score(value: string): number | undefined {
  const trimmed = value.trim().replace(/^[−–]/, '-');
  if (!/^-?\d{1,4}$/.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return parsed >= -1000 && parsed <= 1000 ? parsed : undefined;
}

/** The body to send, or the problems per JSON pointer (then nothing is sent). */
export function readDraft(draft: InstrumentDraft): { request: InstrumentRequest } | { problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  const name = draft.name.trim();
  const version = draft.version.trim();
  if (!name) problems['/body/name'] = 'nameRequired';
  else if (name.length > 200) problems['/body/name'] = 'nameTooLong';
  if (!VERSION.test(version)) problems['/body/version'] = 'version';
  if (draft.rows.length === 0) problems['/body/items'] = 'noQuestions';
  if (draft.rows.length > 100) problems['/body/items'] = 'tooManyQuestions';
  const seen = new Set<string>();
  const items = draft.rows.map((row, index) => {
    const code = row.code.trim();
    if (!CODE.test(code)) problems[itemPointer(index, 'code')] = 'code';
    else if (seen.has(code)) problems[itemPointer(index, 'code')] = 'codeTwice';
    seen.add(code);
    const label = row.label.trim();
    if (label.length > 300) problems[itemPointer(index, 'label')] = 'labelTooLong';
    const minScore = score(row.minScore);
    const maxScore = score(row.maxScore);
    if (minScore === undefined) problems[itemPointer(index, 'minScore')] = 'score';
    if (maxScore === undefined) problems[itemPointer(index, 'maxScore')] = 'score';
    else if (minScore !== undefined && maxScore <= minScore) problems[itemPointer(index, 'maxScore')] = 'maxNotAboveMin';
    return { code, ...(label ? { label } : {}), minScore: minScore ?? 0, maxScore: maxScore ?? 0 };
  });
  if (Object.keys(problems).length > 0) return { problems };
  return { request: { name, version, items } };
}

/** The field's problem for one of the API's validation details (`custom` is a refinement: a repeated code, or max ≤ min). */
function serverProblem(field: string, code: string): Problem | undefined {
  switch (field) {
    case 'name': return code === 'too_big' ? 'nameTooLong' : 'nameRequired';
    case 'version': return 'version';
    case 'code': return code === 'custom' ? 'codeTwice' : 'code';
    case 'label': return 'labelTooLong';
    case 'minScore': return 'score';
    case 'maxScore': return code === 'custom' ? 'maxNotAboveMin' : 'score';
    case 'items': return code === 'too_big' ? 'tooManyQuestions' : 'noQuestions';
    default: return undefined;
  }
}

/** The API's 400 details as problems per pointer; a detail this form has no field for is left out. */
export function serverProblems(errors: { pointer: string; code: string }[]): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const { pointer, code } of errors) {
    const problem = serverProblem(pointer.split('/').at(-1) ?? '', code);
    if (problem && pointer.startsWith('/body/')) problems[pointer] ??= problem;
  }
  return problems;
}
