// The one Database interface: table types in camelCase (the CamelCasePlugin maps to SQL snake_case).
// Written by hand next to the migrations; a contract test compares it with information_schema.
import type { ColumnType, Generated } from 'kysely';
import type { Frequency } from '../lib/money.js';
import type {
  ActionOwner, AgeBand, ChecklistKey, ChecklistState, CreditorType, DebtRank, DebtStatus, DischargeExclusion,
  ExitReason, ExpenseCategory, ExpenseGroup, IncomeKind, Leefsituatie, LifeEvent, MeasurementMoment, Phase,
  ReferralRoute, ReferralStatus, Role, Solution, Traject, VtlbCorrectionType,
} from '../lib/vocabulary.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as ISO 'YYYY-MM-DD' strings (the pg date parser is set to keep text). */
type DateColumn = string;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type { Role };

export interface LocationsTable {
  id: Generated<string>;
  name: string;
  city: string;
  createdAt: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  role: Role;
  username: string | null;
  /** Under the master key (users.display_name), read outside any one dossier: caseload, access log. */
  displayNameEncrypted: string;
  locationId: string | null;
  passwordHash: string | null;
  disabledAt: NullableTimestamp;
  trainedAt: NullableTimestamp;
  /** Failed sign-ins since the last success, counted within a day from failedLoginSince (the daily cap). */
  failedLoginCount: Generated<number>;
  failedLoginSince: NullableTimestamp;
  version: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Timestamp;
  lastSignInAt: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  userId: string;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  revokedAt: NullableTimestamp;
  revokedReason: string | null;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  sessionId: string;
  tokenHash: Buffer;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  spentAt: NullableTimestamp;
}

/** Sign-in back-off per account and client address (the address only as a keyed hash). */
export interface LoginThrottlesTable {
  userId: string;
  addressKey: Buffer;
  failureCount: Generated<number>;
  blockedUntil: NullableTimestamp;
  lastFailureAt: Timestamp;
}

/** A request to hand a staff account a new activation code; a second person (an admin) approves it. */
export interface CredentialResetsTable {
  id: Generated<string>;
  userId: string;
  requestedBy: string;
  requestedAt: Timestamp;
  expiresAt: Timestamp;
  approvedBy: string | null;
  approvedAt: NullableTimestamp;
}

export interface RateLimitCountersTable {
  key: Buffer;
  hits: number;
  windowEndsAt: Timestamp;
}

export interface ActivationCodesTable {
  id: Generated<string>;
  userId: string;
  codeHmac: Buffer;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
  attempts: Generated<number>;
  createdBy: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEventsTable {
  id: ColumnType<number, never, never>;
  occurredAt: Generated<Date>;
  actorUserId: string | null;
  actorRole: Role | null;
  action: string;
  dossierId: string | null;
  subjectUserId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
}

export interface DossiersTable {
  id: Generated<string>;
  /** Null only on an erased dossier's anonymous remainder (erasedAt set); no scope ever shows one. */
  residentId: ColumnType<string | null, string, string | null>;
  locationId: string;
  phase: ColumnType<Phase, Phase | undefined, Phase>;
  openedAt: Generated<Date>;
  updatedAt: Timestamp;
  closedAt: NullableTimestamp;
  createdBy: string | null;
  version: Generated<number>;
  /** Moved by triggers on every write to the dossier, its rows or its people's names (migration 2026_12_02_1200). */
  viewRevision: ColumnType<number, never, never>;
  /** The revision before the transaction that last wrote the dossier, set by the same trigger (migration 2026_12_03_0900). */
  priorViewRevision: ColumnType<number | null, never, never>;
  consentGivenAt: NullableTimestamp;
  consentTextVersion: string | null;
  consentStatisticsOptIn: boolean | null;
  consentRecordedOnPaper: boolean | null;
  consentWithdrawnAt: NullableTimestamp;
  householdLeefsituatie: Leefsituatie | null;
  householdAgeBand: AgeBand | null;
  householdPartnerAgeBand: AgeBand | null;
  householdOtherAdults: number | null;
  notesEncrypted: string | null;
  overviewConfirmedAt: NullableTimestamp;
  overviewConfirmedBy: string | null;
  bvvOfficialCents: number | null;
  bvvOfficialSourceEncrypted: string | null;
  bvvOfficialDate: DateColumn | null;
  vtlbOfficialCents: number | null;
  vtlbOfficialSourceEncrypted: string | null;
  vtlbOfficialDate: DateColumn | null;
  /** JSON of `VtlbCorrectionRow[]`, encrypted (or `p.` plain text before a key rotation). */
  vtlbCorrectionsEncrypted: ColumnType<string, string | undefined, string>;
  exitReason: ExitReason | null;
  solution: Solution | null;
  erasedAt: NullableTimestamp;
}

/** A dossier's data key, wrapped by the master key `keyId` (src/lib/dossier-keys.ts). */
export interface DossierKeysTable {
  dossierId: string;
  keyId: string;
  wrappedKey: string;
  createdAt: Generated<Date>;
  rewrappedAt: NullableTimestamp;
}

export interface DossierAssignmentsTable {
  id: Generated<string>;
  dossierId: string;
  maatjeId: string;
  assignedAt: Generated<Date>;
  assignedBy: string | null;
  reasonEncrypted: string | null;
  endedAt: NullableTimestamp;
  endedBy: string | null;
}

export interface VtlbCorrectionRow {
  type: VtlbCorrectionType;
  amountCents: number;
  justification: string;
}

export interface ConsentEventsTable {
  id: Generated<string>;
  dossierId: string;
  kind: 'given' | 'withdrawn';
  at: Timestamp;
  textVersion: string | null;
  statisticsOptIn: boolean | null;
  recordedOnPaper: boolean;
  recordedBy: string | null;
}

export interface DossierTransitionsTable {
  id: Generated<string>;
  dossierId: string;
  fromPhase: Phase;
  toPhase: Phase;
  at: Timestamp;
  actorId: string | null;
  seq: ColumnType<number, never, never>;
}

export interface DossierStoriesTable {
  dossierId: string;
  textEncrypted: string;
  lifeEvents: ColumnType<LifeEvent[], LifeEvent[] | undefined, LifeEvent[]>;
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface CreditorCatalogTable {
  id: Generated<string>;
  name: string;
  creditorType: CreditorType;
  suggestedRank: DebtRank;
  createdAt: Generated<Date>;
}

export interface DebtsTable {
  id: Generated<string>;
  dossierId: string;
  catalogCreditorId: string | null;
  creditorNameEncrypted: string;
  creditorType: CreditorType;
  collectorNameEncrypted: string | null;
  referenceEncrypted: string | null;
  rank: ColumnType<DebtRank, DebtRank | undefined, DebtRank>;
  principalCents: number | null;
  interestCents: number | null;
  collectionCostsCents: number | null;
  collectionCostsIncludeVat: boolean | null;
  creditorCanDeductVat: boolean | null;
  legalCostsCents: number | null;
  balanceCents: number;
  balanceDate: DateColumn | null;
  status: DebtStatus;
  courtDate: DateColumn | null;
  arrangementAmountCents: number | null;
  arrangementFrequency: Frequency | null;
  arrangementStartDate: DateColumn | null;
  excludedFromDischarge: DischargeExclusion | null;
  notesEncrypted: string | null;
  /** The day the creditor confirmed the balance in writing (a saldo-opgave). */
  balanceConfirmedOn: Generated<DateColumn | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  createdBy: string | null;
}

export interface IncomesTable {
  id: Generated<string>;
  dossierId: string;
  kind: IncomeKind;
  amountCents: number;
  frequency: Frequency;
  descriptionEncrypted: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  createdBy: string | null;
}

export interface ExpensesTable {
  id: Generated<string>;
  dossierId: string;
  group: ExpenseGroup;
  category: ExpenseCategory;
  amountCents: number;
  frequency: Frequency;
  descriptionEncrypted: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  createdBy: string | null;
}

/** Bijstandsnormen per half year (docs/domain.md §4); the table refuses UPDATE and DELETE. */
export interface NormPeriodsTable {
  id: Generated<string>;
  validFrom: DateColumn;
  label: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
  alleenstaand21AowExclCents: number;
  alleenstaand21AowInclCents: number;
  samenwonend21AowExclCents: number;
  samenwonend21AowInclCents: number;
  alleenstaandAowExclCents: number;
  alleenstaandAowInclCents: number;
  samenwonendAowExclCents: number;
  samenwonendAowInclCents: number;
}

export interface IdempotencyKeysTable {
  userId: string;
  key: string;
  operation: string;
  requestHash: Buffer;
  statusCode: number;
  responseBody: ColumnType<unknown, string, never>;
  createdAt: Timestamp;
}

export interface ActionsTable {
  id: Generated<string>;
  dossierId: string;
  titleEncrypted: string;
  descriptionEncrypted: string | null;
  owner: ActionOwner;
  dueDate: DateColumn | null;
  done: Generated<boolean>;
  doneAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  createdBy: string | null;
}

export interface ReferralsTable {
  dossierId: string;
  route: ReferralRoute;
  /** Empty on an erased dossier's remainder. */
  organisationEncrypted: string;
  referredAt: DateColumn | null;
  firstContactAt: DateColumn | null;
  acceptedAt: DateColumn | null;
  status: ReferralStatus;
  traject: Traject | null;
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ReferralChecklistsTable {
  dossierId: string;
  items: ColumnType<Partial<Record<ChecklistKey, ChecklistState>>, string, string>;
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface InstrumentItemRow {
  code: string;
  minScore: number;
  maxScore: number;
  label?: string;
}

export interface InstrumentsTable {
  id: Generated<string>;
  version: string;
  name: string;
  items: ColumnType<InstrumentItemRow[], string, never>;
  createdAt: Timestamp;
  createdBy: string | null;
}

export interface MeasurementsTable {
  id: Generated<string>;
  dossierId: string;
  moment: MeasurementMoment;
  instrumentVersion: string;
  items: ColumnType<Record<string, number>, string, string>;
  version: Generated<number>;
  recordedAt: Timestamp;
  recordedBy: string | null;
}

export interface DebtSnapshotsTable {
  dossierId: string;
  moment: 'T0' | 'T1';
  totalDebtCents: number;
  creditorCount: number;
  takenAt: Timestamp;
}

/** A frozen statistics table: served byte for byte as first published (docs/domain.md §8). */
export interface StatsPublicationsTable {
  tableName: string;
  period: string;
  method: ColumnType<Record<string, unknown>, string, never>;
  bodyJson: string;
  bodyCsv: string;
  generatedAt: ColumnType<Date, Date, never>;
}

export interface ErasureRequestsTable {
  id: Generated<string>;
  dossierId: string;
  channel: 'app' | 'paper';
  requestedAt: Timestamp;
  requestedBy: string | null;
  dueAt: Timestamp;
  cancelledAt: NullableTimestamp;
  receiptCodeHmac: Buffer;
}

/** Ids only: replayed after a restore so an erased dossier stays erased. */
export interface ErasureLedgerTable {
  dossierId: string;
  residentId: string | null;
  erasedAt: Timestamp;
  reason: 'request' | 'retention' | 'replay';
}

export interface ErasureReceiptsTable {
  codeHmac: Buffer;
  requestedAt: Timestamp;
  erasedAt: NullableTimestamp;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  expiresAt: Timestamp;
}

export type LetterKindColumn = 'saldo_opgave' | 'incasso_pauze' | 'betalingsregeling' | 'schikkingsvoorstel';

/** Letter wording as data: a new version is added, an old one is never changed (a trigger refuses). */
export interface LetterTemplatesTable {
  id: Generated<string>;
  kind: LetterKindColumn;
  version: number;
  subject: string;
  paragraphs: ColumnType<string[], string, never>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface LetterProposalRow {
  monthlyCents: number | null;
  months: number;
  totalCents: number;
  percentage: number | null;
}

export interface LettersTable {
  id: Generated<string>;
  dossierId: string;
  debtId: string;
  batchId: string;
  kind: LetterKindColumn;
  templateVersion: number;
  proposal: ColumnType<LetterProposalRow | null, string | null, string | null>;
  sentOn: DateColumn | null;
  answeredOn: DateColumn | null;
  followUpActionId: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  createdBy: string | null;
}

/** The resident's consent to hand the dossier over to one named organisation (formal debt help). */
export interface HandoverConsentsTable {
  id: Generated<string>;
  dossierId: string;
  organisationEncrypted: string;
  includeStory: boolean;
  givenAt: Timestamp;
  recordedOnPaper: boolean;
  recordedBy: string | null;
  withdrawnAt: NullableTimestamp;
  withdrawnBy: string | null;
}

export interface Database {
  locations: LocationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  rateLimitCounters: RateLimitCountersTable;
  loginThrottles: LoginThrottlesTable;
  credentialResets: CredentialResetsTable;
  activationCodes: ActivationCodesTable;
  auditEvents: AuditEventsTable;
  dossiers: DossiersTable;
  dossierAssignments: DossierAssignmentsTable;
  dossierKeys: DossierKeysTable;
  consentEvents: ConsentEventsTable;
  dossierTransitions: DossierTransitionsTable;
  dossierStories: DossierStoriesTable;
  creditorCatalog: CreditorCatalogTable;
  debts: DebtsTable;
  incomes: IncomesTable;
  expenses: ExpensesTable;
  idempotencyKeys: IdempotencyKeysTable;
  actions: ActionsTable;
  referrals: ReferralsTable;
  referralChecklists: ReferralChecklistsTable;
  instruments: InstrumentsTable;
  measurements: MeasurementsTable;
  debtSnapshots: DebtSnapshotsTable;
  normPeriods: NormPeriodsTable;
  statsPublications: StatsPublicationsTable;
  erasureRequests: ErasureRequestsTable;
  erasureLedger: ErasureLedgerTable;
  erasureReceipts: ErasureReceiptsTable;
  letterTemplates: LetterTemplatesTable;
  letters: LettersTable;
  handoverConsents: HandoverConsentsTable;
}
