// The domain's closed vocabularies (docs/domain.md). One list each: zod schemas, domain rules, SQL
// CHECK constraints and the PDF texts all follow these.

export const ROLES = ['resident', 'maatje', 'coordinator', 'evaluator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Accounts an admin manages; residents come into being only with a dossier (docs/api.md). */
export const STAFF_ROLES = ['maatje', 'coordinator', 'evaluator', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that belong to one location (the database requires it). */
export const LOCATED_ROLES: readonly Role[] = ['resident', 'maatje', 'coordinator'];

export const PHASES = ['A', 'B', 'C', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const CREDITOR_TYPES = [
  'belastingdienst', 'toeslagen', 'cjib_mulder', 'cjib_strafrechtelijk', 'duo', 'cak',
  'zorgverzekeraar', 'uwv', 'svb', 'gemeente_sociaal', 'gemeente_belastingen', 'waterschap',
  'energie', 'water', 'verhuurder', 'telecom', 'bank_krediet', 'koop_op_afbetaling',
  'incassobureau', 'gerechtsdeurwaarder', 'particulier', 'overig',
] as const;
export type CreditorType = (typeof CREDITOR_TYPES)[number];

/** Public-law creditors: the incassokosten scale does not apply to them (docs/domain.md §3). */
export const PUBLIC_LAW_CREDITOR_TYPES: readonly CreditorType[] = [
  'belastingdienst', 'toeslagen', 'cjib_mulder', 'cjib_strafrechtelijk', 'duo', 'cak', 'uwv',
  'svb', 'gemeente_sociaal', 'gemeente_belastingen', 'waterschap',
];

/**
 * Creditors that can deduct the BTW an incassobureau charges them, so they may not pass it on to
 * the debtor: businesses whose own sales carry BTW (energy, drinking water at the low rate,
 * telecom, retail), and a debt buyer collecting a bought claim for itself (it pays no collector).
 * Sources: schuldinfo.nl "Ten onrechte BTW-opslag bij gekochte vorderingen"; incasso.net "BTW op incassokosten".
 */
export const VAT_DEDUCTING_CREDITOR_TYPES: readonly CreditorType[] = [
  'energie', 'water', 'telecom', 'koop_op_afbetaling', 'incassobureau',
];

/**
 * Creditors whose activity is exempt from BTW (renting a home, credit, insurance, care) or who are
 * no business at all: they cannot deduct a collector's BTW, so a BTW surcharge is allowed (same sources).
 * Types in neither list are unknown until the maatje asks.
 */
export const VAT_NON_DEDUCTING_CREDITOR_TYPES: readonly CreditorType[] = [
  'verhuurder', 'bank_krediet', 'zorgverzekeraar', 'particulier',
];

/** Creditors that can cut off gas, electricity or water without a court: `ontruiming_of_afsluiting_aangezegd` means an afsluiting. */
export const DISCONNECTING_CREDITOR_TYPES: readonly CreditorType[] = ['energie', 'water'];

export const DEBT_RANKS = ['concurrent', 'preferent', 'separatist'] as const;
export type DebtRank = (typeof DEBT_RANKS)[number];

export const DEBT_STATUSES = [
  'open', 'aanmaning', 'incasso', 'deurwaarder', 'dagvaarding', 'vonnis', 'beslag',
  'ontruiming_of_afsluiting_aangezegd', 'opzegging_zorgverzekering_aangezegd',
  'betalingsregeling', 'betwist', 'in_schuldregeling', 'afgelost', 'kwijtgescholden',
] as const;
export type DebtStatus = (typeof DEBT_STATUSES)[number];

/** Statuses before judgment, where the incassokosten check applies (docs/domain.md §3). */
export const PRE_JUDGMENT_STATUSES: readonly DebtStatus[] = [
  'open', 'aanmaning', 'incasso', 'deurwaarder', 'dagvaarding', 'betalingsregeling', 'betwist',
];

/** How BTW on the incassokosten was judged (docs/domain.md §3): charged or not, and whether it may be. */
export const COLLECTION_COSTS_VAT = ['not_charged', 'allowed', 'not_allowed', 'unknown'] as const;
export type CollectionCostsVat = (typeof COLLECTION_COSTS_VAT)[number];

/** How soon a debt needs the resident to act, most pressing first. */
export const URGENCY_LEVELS = ['crisis', 'urgent', 'soon', 'normal', 'none'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** Debts that no longer count in the total debt. */
export const SETTLED_STATUSES: readonly DebtStatus[] = ['afgelost', 'kwijtgescholden'];

export const CRISIS_STATUSES: readonly DebtStatus[] = [
  'ontruiming_of_afsluiting_aangezegd', 'opzegging_zorgverzekering_aangezegd',
];

export const DISCHARGE_EXCLUSIONS = [
  'cjib_strafrechtelijk', 'duo_niet_opeisbaar', 'fraudevordering', 'overig',
] as const;
export type DischargeExclusion = (typeof DISCHARGE_EXCLUSIONS)[number];

export const INCOME_KINDS = [
  'loon', 'uitkering_participatiewet', 'ww', 'ziektewet', 'wia_wao', 'wajong', 'anw',
  'aow_pensioen', 'huurtoeslag', 'zorgtoeslag', 'kindgebonden_budget', 'kinderopvangtoeslag',
  'kinderbijslag', 'alimentatie', 'studiefinanciering', 'vakantiegeld', 'kostgeld_onderhuur', 'overig',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/** Count in the budget but cannot be seized, so they stay out of the aflosruimte (§4). */
export const UNATTACHABLE_INCOME_KINDS: readonly IncomeKind[] = [
  'huurtoeslag', 'zorgtoeslag', 'kindgebonden_budget', 'kinderopvangtoeslag', 'kinderbijslag',
];

export const EXPENSE_CATEGORIES_BY_GROUP = {
  vaste_lasten: [
    'huur', 'hypotheek', 'energie', 'water', 'lokale_lasten', 'telefoon_internet_tv',
    'zorgverzekering', 'overige_verzekeringen', 'contributies', 'onderwijs', 'kinderopvang',
    'vervoer', 'aflossingen', 'overig',
  ],
  reserveringsuitgaven: ['kleding', 'inventaris', 'onderhoud_woning', 'eigen_risico', 'vrije_tijd', 'overig'],
  huishoudelijke_uitgaven: ['voeding', 'was_en_schoonmaak', 'persoonlijke_verzorging', 'overig'],
} as const;
export type ExpenseGroup = keyof typeof EXPENSE_CATEGORIES_BY_GROUP;
export const EXPENSE_GROUPS = Object.keys(EXPENSE_CATEGORIES_BY_GROUP) as ExpenseGroup[];
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES_BY_GROUP)[ExpenseGroup][number];
export const EXPENSE_CATEGORIES = [
  ...new Set(Object.values(EXPENSE_CATEGORIES_BY_GROUP).flat()),
] as ExpenseCategory[];

export const LEEFSITUATIES = [
  'alleenstaand', 'alleenstaande_ouder', 'samenwonend', 'samenwonend_met_kinderen',
] as const;
export type Leefsituatie = (typeof LEEFSITUATIES)[number];

export const AGE_BANDS = ['18_20', '21_tot_aow', 'aow'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const NORM_HOUSEHOLD_KEYS = [
  'alleenstaand_21_aow', 'samenwonend_21_aow', 'alleenstaand_aow', 'samenwonend_aow',
] as const;
export type NormHouseholdKey = (typeof NORM_HOUSEHOLD_KEYS)[number];

export const BVV_INDICATIVE_REASONS = [
  'income_above_norm', 'kostendelers', 'household_missing', 'no_norm_period',
] as const;
export type BvvIndicativeReason = (typeof BVV_INDICATIVE_REASONS)[number];

export const VTLB_SOURCES = ['official', 'bvv_official', 'indicative'] as const;
export type VtlbSource = (typeof VTLB_SOURCES)[number];

export const VTLB_CORRECTION_TYPES = [
  'arbeidstoeslag', 'eigen_risico', 'woonlasten_hoog', 'auto_woonwerk', 'kinderopvang',
  'studiekosten_kind', 'alimentatie', 'lokale_lasten', 'kosten_bewind', 'overig',
] as const;
export type VtlbCorrectionType = (typeof VTLB_CORRECTION_TYPES)[number];

export const AFLOSRUIMTE_BASES = ['vtlb', 'saldo'] as const;
export type AflosruimteBasis = (typeof AFLOSRUIMTE_BASES)[number];

export const SETTLEMENT_KINDS = ['minnelijk_aanbod', 'betalingsregeling', 'nul_aanbod'] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];

export const LIFE_EVENTS = [
  'baanverlies', 'scheiding', 'ziekte', 'overlijden', 'inkomensdaling', 'toeslagen',
  'verslaving', 'ondernemerschap', 'anders',
] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const ACTION_OWNERS = ['resident', 'maatje'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

export const REFERRAL_ROUTES = [
  'gemeentelijke_schuldhulpverlening', 'kredietbank', 'budgetbeheer_bewind', 'sociaal_raadslieden', 'anders',
] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

export const REFERRAL_STATUSES = ['aangemeld', 'in_behandeling', 'toegelaten', 'afgewezen', 'afgehaakt'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const TRAJECTS = ['minnelijk', 'wsnp', 'dwangakkoord', 'geen'] as const;
export type Traject = (typeof TRAJECTS)[number];

export const CHECKLIST_KEYS = [
  'legitimatie', 'inkomstenspecificatie', 'huurspecificatie', 'polis_zorgverzekering', 'meterstanden',
  'bkr_inzage', 'toeslagenbeschikkingen', 'belastingaanslagen', 'cjib_overzicht', 'schuldenoverzicht',
  'ondertekende_aanvraag',
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export const CHECKLIST_STATES = ['aanwezig', 'ontbreekt', 'nvt'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];

export const EXIT_REASONS = [
  'afgerond', 'zelf_geregeld', 'doorverwezen', 'verhuisd', 'overleden', 'niet_verschenen',
  'ingetrokken', 'niet_passend', 'uitgevallen', 'overig',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const SOLUTIONS = [
  'betalingsregeling', 'herfinanciering', 'saneringskrediet', 'schuldbemiddeling', 'nul_aanbod',
  'wsnp', 'dwangakkoord', 'geen',
] as const;
export type Solution = (typeof SOLUTIONS)[number];

export const MEASUREMENT_MOMENTS = ['T0', 'T1', 'T2'] as const;
export type MeasurementMoment = (typeof MEASUREMENT_MOMENTS)[number];
