// The longest string an anchored regular expression (`^…$`) can match, so a schema whose pattern
// already bounds its length can say so as `maxLength`. Understands the subset zod and our schemas
// use (classes, escapes, groups, alternation, quantifiers); anything else gives undefined.

interface Cursor { source: string; at: number }

const UNBOUNDED = Number.POSITIVE_INFINITY;

function quantifier(cursor: Cursor): number | undefined {
  const { source } = cursor;
  const char = source[cursor.at];
  if (char === '?') { cursor.at += 1; return 1; }
  if (char === '*' || char === '+') { cursor.at += 1; return UNBOUNDED; }
  if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(cursor.at));
    if (!match) return undefined;
    cursor.at += match[0].length;
    if (match[2] === undefined) return Number(match[1]);
    return match[3] === '' ? UNBOUNDED : Number(match[3]);
  }
  return 1;
}

function atom(cursor: Cursor): number | undefined {
  const { source } = cursor;
  const char = source[cursor.at];
  if (char === '\\') { cursor.at += 2; return 1; }
  if (char === '[') {
    let end = cursor.at + 1;
    if (source[end] === '^') end += 1;
    if (source[end] === ']') end += 1;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    if (end >= source.length) return undefined;
    cursor.at = end + 1;
    return 1;
  }
  if (char === '(') {
    cursor.at += 1;
    if (source.startsWith('?:', cursor.at)) cursor.at += 2;
    else if (source[cursor.at] === '?') return undefined;
    const inner = alternation(cursor);
    if (inner === undefined || source[cursor.at] !== ')') return undefined;
    cursor.at += 1;
    return inner;
  }
  if (char === undefined || '^$|)*+?{}.'.includes(char)) return char === '.' ? (cursor.at += 1, 1) : undefined;
  cursor.at += 1;
  return 1;
}

function sequence(cursor: Cursor): number | undefined {
  let total = 0;
  while (cursor.at < cursor.source.length && !'|)$'.includes(cursor.source[cursor.at] as string)) {
    const length = atom(cursor);
    if (length === undefined) return undefined;
    const times = quantifier(cursor);
    if (times === undefined) return undefined;
    total += length * times;
  }
  return total;
}

function alternation(cursor: Cursor): number | undefined {
  let longest = sequence(cursor);
  while (longest !== undefined && cursor.source[cursor.at] === '|') {
    cursor.at += 1;
    const next = sequence(cursor);
    longest = next === undefined ? undefined : Math.max(longest, next);
  }
  return longest;
}

export function patternMaxLength(pattern: string): number | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const cursor: Cursor = { source: pattern, at: 1 };
  const length = alternation(cursor);
  if (length === undefined || cursor.at !== pattern.length - 1 || !Number.isFinite(length)) return undefined;
  return length;
}
