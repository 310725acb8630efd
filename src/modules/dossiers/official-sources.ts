// Where an official BVV or VTLB figure came from is free text (a letter, a phone call, a name), and
// so is the justification of a VTLB correction: encrypted under the dossier's data key like every
// free text (issue 14). The corrections travel as one encrypted JSON list.
import type { VtlbCorrectionRow } from '../../db/schema.js';
import type { FieldCipher } from '../../lib/field-crypto.js';

type SourceColumn = 'bvv_official_source' | 'vtlb_official_source';
const field = (dossierId: string, column: SourceColumn) => ({ table: 'dossiers', column, rowId: dossierId });

export function encryptOfficialSource(cipher: FieldCipher, dossierId: string, column: SourceColumn, text: string | null) {
  return text === null ? null : cipher.encrypt(text, field(dossierId, column));
}

export interface EncryptedSources {
  bvvOfficialSourceEncrypted: string | null;
  vtlbOfficialSourceEncrypted: string | null;
}

/** One source readable. */
export function openOfficialSource(cipher: FieldCipher, dossierId: string, column: SourceColumn, stored: string | null) {
  return stored === null ? null : cipher.decrypt(stored, field(dossierId, column));
}

/** The row with its sources readable. */
export function withOfficialSources<Row extends EncryptedSources>(row: Row, dossierId: string, cipher: FieldCipher) {
  const { bvvOfficialSourceEncrypted: bvv, vtlbOfficialSourceEncrypted: vtlb, ...rest } = row;
  return {
    ...rest,
    bvvOfficialSource: openOfficialSource(cipher, dossierId, 'bvv_official_source', bvv),
    vtlbOfficialSource: openOfficialSource(cipher, dossierId, 'vtlb_official_source', vtlb),
  };
}

const correctionsField = (dossierId: string) => ({ table: 'dossiers', column: 'vtlb_corrections', rowId: dossierId });

export function encryptVtlbCorrections(cipher: FieldCipher, dossierId: string, corrections: readonly VtlbCorrectionRow[]): string {
  return cipher.encrypt(JSON.stringify(corrections), correctionsField(dossierId));
}

/** The VTLB corrections readable. */
export function openVtlbCorrections(cipher: FieldCipher, dossierId: string, stored: string) {
  return JSON.parse(cipher.decrypt(stored, correctionsField(dossierId))) as VtlbCorrectionRow[];
}

/** The row with its VTLB corrections readable. */
export function withVtlbCorrections<Row extends { vtlbCorrectionsEncrypted: string }>(row: Row, dossierId: string, cipher: FieldCipher) {
  const { vtlbCorrectionsEncrypted, ...rest } = row;
  return { ...rest, vtlbCorrections: openVtlbCorrections(cipher, dossierId, vtlbCorrectionsEncrypted) };
}
