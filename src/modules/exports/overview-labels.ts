// The Dutch words a resident reads for every enumeration value in the PDF, in plain language (B1).
// `Record<Enum, string>` makes the compiler refuse a vocabulary value without its words, so a new
// status or income kind cannot reach the PDF as a raw code.
import type { Frequency } from '../../lib/money.js';
import type {
  ActionOwner, AgeBand, BvvIndicativeReason, DebtStatus, ExpenseCategory, ExpenseGroup, IncomeKind,
  Leefsituatie, LifeEvent, ReferralRoute, ReferralStatus, Traject, VtlbSource,
} from '../../lib/vocabulary.js';

export const DEBT_STATUS_LABEL: Record<DebtStatus, string> = {
  open: 'Nog niet betaald',
  aanmaning: 'Aanmaning gekregen',
  incasso: 'Bij incassobureau',
  deurwaarder: 'Bij deurwaarder',
  dagvaarding: 'Dagvaarding gekregen',
  vonnis: 'Uitspraak van de rechter',
  beslag: 'Beslag gelegd',
  ontruiming_of_afsluiting_aangezegd: 'Ontruiming of afsluiting aangekondigd',
  opzegging_zorgverzekering_aangezegd: 'Zorgverzekering wordt stopgezet',
  betalingsregeling: 'Betalingsregeling loopt',
  betwist: 'Niet mee eens (betwist)',
  in_schuldregeling: 'In schuldregeling',
  afgelost: 'Afbetaald',
  kwijtgescholden: 'Kwijtgescholden',
};

export const INCOME_KIND_LABEL: Record<IncomeKind, string> = {
  loon: 'Loon',
  uitkering_participatiewet: 'Bijstandsuitkering',
  ww: 'WW-uitkering',
  ziektewet: 'Ziektewet-uitkering',
  wia_wao: 'WIA- of WAO-uitkering',
  wajong: 'Wajong-uitkering',
  anw: 'Anw-uitkering (nabestaanden)',
  aow_pensioen: 'AOW of pensioen',
  huurtoeslag: 'Huurtoeslag',
  zorgtoeslag: 'Zorgtoeslag',
  kindgebonden_budget: 'Kindgebonden budget',
  kinderopvangtoeslag: 'Kinderopvangtoeslag',
  kinderbijslag: 'Kinderbijslag',
  alimentatie: 'Alimentatie',
  studiefinanciering: 'Studiefinanciering',
  vakantiegeld: 'Vakantiegeld',
  kostgeld_onderhuur: 'Kostgeld of huur van een huisgenoot',
  overig: 'Ander inkomen',
};

export const EXPENSE_GROUP_LABEL: Record<ExpenseGroup, string> = {
  vaste_lasten: 'Vaste lasten',
  reserveringsuitgaven: 'Geld opzij voor grotere uitgaven',
  huishoudelijke_uitgaven: 'Boodschappen en huishouden',
};

/** `overig` occurs in every group; "Overig" under the group's heading reads right in each. */
export const EXPENSE_CATEGORY_LABEL: Record<ExpenseCategory, string> = {
  huur: 'Huur',
  hypotheek: 'Hypotheek',
  energie: 'Gas en stroom',
  water: 'Water',
  lokale_lasten: 'Gemeentebelasting en waterschap',
  telefoon_internet_tv: 'Telefoon, internet en tv',
  zorgverzekering: 'Zorgverzekering',
  overige_verzekeringen: 'Andere verzekeringen',
  contributies: 'Contributies (club of vereniging)',
  onderwijs: 'School en studie',
  kinderopvang: 'Kinderopvang',
  vervoer: 'Vervoer',
  aflossingen: 'Aflossingen',
  overig: 'Overig',
  kleding: 'Kleding en schoenen',
  inventaris: 'Meubels en apparaten',
  onderhoud_woning: 'Onderhoud van uw huis',
  eigen_risico: 'Eigen risico zorgverzekering',
  vrije_tijd: 'Vrije tijd',
  voeding: 'Eten en drinken',
  was_en_schoonmaak: 'Was en schoonmaak',
  persoonlijke_verzorging: 'Persoonlijke verzorging',
};

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  week: 'per week',
  four_weeks: 'per 4 weken',
  month: 'per maand',
  quarter: 'per kwartaal',
  half_year: 'per half jaar',
  year: 'per jaar',
  once: 'eenmalig',
};

export const LEEFSITUATIE_LABEL: Record<Leefsituatie, string> = {
  alleenstaand: 'Alleenstaand',
  alleenstaande_ouder: 'Alleenstaande ouder',
  samenwonend: 'Samenwonend of getrouwd',
  samenwonend_met_kinderen: 'Samenwonend of getrouwd, met kinderen',
};

export const AGE_BAND_LABEL: Record<AgeBand, string> = {
  '18_20': '18, 19 of 20 jaar',
  '21_tot_aow': '21 jaar of ouder, nog geen AOW',
  aow: 'AOW-leeftijd',
};

export const REFERRAL_ROUTE_LABEL: Record<ReferralRoute, string> = {
  gemeentelijke_schuldhulpverlening: 'Schuldhulpverlening van de gemeente',
  kredietbank: 'Kredietbank',
  budgetbeheer_bewind: 'Budgetbeheer of bewindvoering',
  sociaal_raadslieden: 'Sociaal raadslieden',
  anders: 'Andere organisatie',
};

export const REFERRAL_STATUS_LABEL: Record<ReferralStatus, string> = {
  aangemeld: 'Aangemeld',
  in_behandeling: 'Wordt behandeld',
  toegelaten: 'Toegelaten',
  afgewezen: 'Afgewezen',
  afgehaakt: 'Gestopt',
};

export const TRAJECT_LABEL: Record<Traject, string> = {
  minnelijk: 'Minnelijke schuldregeling (afspraak met alle schuldeisers)',
  wsnp: 'Wettelijke schuldsanering (Wsnp, via de rechter)',
  dwangakkoord: 'Dwangakkoord (de rechter beslist voor een schuldeiser die niet meedoet)',
  geen: 'Geen traject',
};

export const ACTION_OWNER_LABEL: Record<ActionOwner, string> = {
  resident: 'U',
  maatje: 'Uw maatje',
};

export const LIFE_EVENT_LABEL: Record<LifeEvent, string> = {
  baanverlies: 'Baan kwijtgeraakt',
  scheiding: 'Scheiding',
  ziekte: 'Ziekte',
  overlijden: 'Overlijden van een naaste',
  inkomensdaling: 'Minder inkomen',
  toeslagen: 'Problemen met toeslagen',
  verslaving: 'Verslaving',
  ondernemerschap: 'Eigen bedrijf',
  anders: 'Iets anders',
};

/** Completes "Het vrij te laten bedrag is …". */
export const VTLB_SOURCE_LABEL: Record<VtlbSource, string> = {
  official: 'vastgesteld door de schuldhulpverlening',
  bvv_official: 'berekend met de beslagvrije voet uit een officiële brief',
  indicative: 'geschat met de bijstandsnorm (95 procent daarvan)',
};

/** Why no legal figure could be formed, in words a resident can act on. */
export const BVV_REASON_TEXT: Record<BvvIndicativeReason, string> = {
  income_above_norm: 'Uw inkomen is hoger dan de bijstandsnorm. Dan kan alleen een officiële rekentool het wettelijke bedrag berekenen.',
  kostendelers: 'Er wonen nog andere volwassenen bij u. Dan gelden andere regels, en rekent de schuldhulpverlening het bedrag uit.',
  household_missing: 'Uw huishouden is nog niet ingevuld. Daarom kunnen we het wettelijke bedrag niet schatten.',
  no_norm_period: 'Er zijn geen normbedragen bekend. Daarom kunnen we het wettelijke bedrag niet schatten.',
};

/** "1 schuld" / "3 schulden": Dutch plurals are irregular enough to spell out. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
