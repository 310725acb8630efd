// Optional free text: blank means "nothing" and is stored as null.
export function blankToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === '' ? null : text;
}
