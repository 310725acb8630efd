// A debt's creditor and collector names and its reference are encrypted under the dossier's data
// key like any free text (issue 14); a catalogue creditor is also linked by id, which is public.
import type { FieldCipher } from '../../lib/field-crypto.js';

export interface EncryptedDebtNames {
  id: string;
  creditorNameEncrypted: string;
  collectorNameEncrypted: string | null;
  referenceEncrypted: string | null;
}

export interface DebtNames {
  creditorName: string;
  collectorName: string | null;
  reference: string | null;
}

const field = (debtId: string, column: 'creditor_name' | 'collector_name' | 'reference') => ({ table: 'debts', column, rowId: debtId });

export function encryptDebtName(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', text: string): string;
export function encryptDebtName(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', text: string | null): string | null;
export function encryptDebtName(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', text: string | null) {
  return text === null ? null : cipher.encrypt(text, field(debtId, column));
}

export function debtNames(row: EncryptedDebtNames, cipher: FieldCipher): DebtNames {
  return {
    creditorName: cipher.decrypt(row.creditorNameEncrypted, field(row.id, 'creditor_name')),
    collectorName: row.collectorNameEncrypted === null ? null : cipher.decrypt(row.collectorNameEncrypted, field(row.id, 'collector_name')),
    reference: row.referenceEncrypted === null ? null : cipher.decrypt(row.referenceEncrypted, field(row.id, 'reference')),
  };
}

/** A row with its names readable, for the domain rules and documents that need them. */
export function withDebtNames<Row extends EncryptedDebtNames>(row: Row, cipher: FieldCipher) {
  const { creditorNameEncrypted: _c, collectorNameEncrypted: _o, referenceEncrypted: _r, ...rest } = row;
  return { ...rest, ...debtNames(row, cipher) };
}

/** Only the creditor's name, for rows that carry nothing else of the names (the overview's figures). */
export function withCreditorName<Row extends { id: string; creditorNameEncrypted: string }>(row: Row, cipher: FieldCipher) {
  const { creditorNameEncrypted, ...rest } = row;
  return { ...rest, creditorName: cipher.decrypt(creditorNameEncrypted, field(row.id, 'creditor_name')) };
}

/** One name of a debt read elsewhere (a letter names its debt's creditor). */
export function debtNameOf(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', stored: string): string;
export function debtNameOf(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', stored: string | null): string | null;
export function debtNameOf(cipher: FieldCipher, debtId: string, column: 'creditor_name' | 'collector_name' | 'reference', stored: string | null) {
  return stored === null ? null : cipher.decrypt(stored, field(debtId, column));
}
