// Money as the Dutch type and read it: "1.234,56" in, integer cents out; cents in, "€ 1.234,56" out.
// Integer arithmetic only: no float ever stands between what was typed and what is stored.

export const MAX_CENTS = 1_000_000_000;

/**
 * Parses an amount typed the Dutch way: comma for cents, dots (or spaces) between thousands.
 * Without a comma, a dot followed by exactly one or two digits is read as the decimal mark
 * ("12.50"), since nobody writes thousands that way. Returns null for anything else.
 */
export function parseEuroInput(input: string): number | null {
  let text = input.trim().replace(/^€\s*/, '').replace(/[\s\u00a0]/g, '');
  if (text === '') return null;
  let whole: string;
  let fraction = '';
  if (text.includes(',')) {
    const parts = text.split(',');
    if (parts.length !== 2) return null;
    [whole, fraction] = parts as [string, string];
    if (fraction === '-' || fraction === '') fraction = '';
  } else {
    const decimalDot = /^(\d+)\.(\d{1,2})$/.exec(text);
    if (decimalDot) {
      whole = decimalDot[1]!;
      fraction = decimalDot[2]!;
    } else {
      whole = text;
    }
  }
  if (whole === '') whole = '0';
  if (whole.includes('.')) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(whole)) return null;
    whole = whole.replace(/\./g, '');
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  text = whole.replace(/^0+(?=\d)/, '');
  if (text.length > 8) return null;
  const cents = Number(text) * 100 + Number(fraction.padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "€ 1.234,56"; negative amounts as "-€ 1.234,56" so a shortfall is never missed. */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}€ ${groupThousands(String(euros))},${rest}`;
}

/** The amount as it goes back into an input field: "1.234,56". */
export function formatEuroInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return formatEuro(cents).replace(/^-?€ /, cents < 0 ? '-' : '');
}
