// Records kept beside the dossier that only the export shows in full: the resident's account,
// every consent event, the debt snapshots of the evaluation.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DossierCore } from './dossier-gate.repository.js';
import { findResidentAccount, listConsentEvents, listDebtSnapshots } from './dossier.repository.js';

export const accountOf = (trx: Kysely<Database>, dossier: DossierCore) => findResidentAccount(trx, dossier);
export const consentRecordsOf = (trx: Kysely<Database>, dossier: DossierCore) => listConsentEvents(trx, dossier);
export const debtSnapshotsOf = (trx: Kysely<Database>, dossier: DossierCore) => listDebtSnapshots(trx, dossier);
