// A write answers with the row it wrote, shown through its resource's view, and the view decrypts
// the fields the write has just encrypted. For one write, this cipher keeps the plaintext of each
// value it encrypted, so showing that row decrypts nothing the request already holds. A value is
// known only under the exact field it was sealed for (its table, column and row: the associated
// data), where decrypting it would give back the very same text; anything else is decrypted.
import type { FieldCipher, FieldContext } from './field-crypto.js';

const fieldOf = (stored: string, context: FieldContext) => `${context.table}:${context.column}:${context.rowId}:${stored}`;

export function rememberingOwnPlaintexts<C extends FieldCipher>(cipher: C): C {
  const own = new Map<string, string>();
  return {
    ...cipher,
    encrypt(plaintext: string, context: FieldContext) {
      const stored = cipher.encrypt(plaintext, context);
      own.set(fieldOf(stored, context), plaintext);
      return stored;
    },
    decrypt(stored: string, context: FieldContext) {
      return own.get(fieldOf(stored, context)) ?? cipher.decrypt(stored, context);
    },
  };
}
