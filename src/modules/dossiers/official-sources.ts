// Where an official BVV or VTLB figure came from is free text (a letter, a phone call, a name):
// encrypted under the dossier's data key like every free text (issue 14).
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

/** The row with its sources readable. */
export function withOfficialSources<Row extends EncryptedSources>(row: Row, dossierId: string, cipher: FieldCipher) {
  const { bvvOfficialSourceEncrypted: bvv, vtlbOfficialSourceEncrypted: vtlb, ...rest } = row;
  return {
    ...rest,
    bvvOfficialSource: bvv === null ? null : cipher.decrypt(bvv, field(dossierId, 'bvv_official_source')),
    vtlbOfficialSource: vtlb === null ? null : cipher.decrypt(vtlb, field(dossierId, 'vtlb_official_source')),
  };
}
