// Optional free text: blank means "nothing" and is stored as null.
export function blankToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === '' ? null : text;
}

// C0 controls other than tab, line feed and carriage return, DEL, and UTF-16 halves without their
// partner. PostgreSQL refuses a NUL in text and such escapes in jsonb; a terminal or a PDF mangles
// the rest. No person types them, so they are refused at the door instead of stored.
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** JSON pointer of the first string (key or value) in `value` holding unsafe characters, if any. */
export function findUnsafeText(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? pointer : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (hasUnsafeCharacters(key)) return at;
    const found = findUnsafeText(child, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
