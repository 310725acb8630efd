// The Dutch words a resident reads for every enumeration value in the PDF, in plain language (B1).
// `Record<Enum, string>` makes the compiler refuse a vocabulary value without its words, so a new
// status or income kind cannot reach the PDF as a raw code.
import type { Frequency } from '../../lib/money.js';
import type {
  ActionOwner, AgeBand, BvvIndicativeReason, CreditorType, DebtStatus, ExpenseCategory, ExpenseGroup, IncomeKind,
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

/**
 * The status as the resident's situation: one announced crisis reads differently per creditor (an
 * energy company cuts off, it never evicts; a landlord evicts).
 */
export function debtStatusLabel(status: DebtStatus, creditorType: CreditorType): string {
  if (status !== 'ontruiming_of_afsluiting_aangezegd') return DEBT_STATUS_LABEL[status];
  switch (creditorType) {
    case 'verhuurder': return 'Ontruiming aangekondigd';
    case 'energie': return 'Afsluiting van gas of stroom aangekondigd';
    case 'water': return 'Afsluiting van water aangekondigd';
    default: return DEBT_STATUS_LABEL[status];
  }
}

/** The hard words in a status label, each explained in the word list (GLOSSARY). */
export function statusWords(status: DebtStatus, creditorType: CreditorType): string[] {
  switch (status) {
    case 'aanmaning': return ['Aanmaning'];
    case 'incasso': return ['Incassobureau'];
    case 'deurwaarder': return ['Deurwaarder'];
    case 'dagvaarding': return ['Dagvaarding'];
    case 'vonnis': return ['Uitspraak van de rechter'];
    case 'beslag': return ['Beslag'];
    case 'ontruiming_of_afsluiting_aangezegd':
      if (creditorType === 'verhuurder') return ['Ontruiming'];
      return creditorType === 'energie' || creditorType === 'water' ? ['Afsluiting'] : ['Ontruiming', 'Afsluiting'];
    case 'opzegging_zorgverzekering_aangezegd': return [];
    case 'betalingsregeling': return ['Betalingsregeling'];
    case 'betwist': return ['Betwist'];
    case 'in_schuldregeling': return ['Schuldregeling'];
    case 'kwijtgescholden': return ['Kwijtgescholden'];
    case 'open':
    case 'afgelost':
      return [];
  }
}

/** Every hard word the overview uses, explained once, in alphabetical order. */
export const GLOSSARY: readonly [word: string, meaning: string][] = [
  ['Aanmaning', 'Een brief dat u te laat bent met betalen. Er staat in hoeveel tijd u nog heeft.'],
  ['Afsluiting', 'Het bedrijf zet uw gas, stroom of water uit.'],
  ['Aflosruimte', 'Het geld dat u elke maand kunt gebruiken om schulden af te lossen.'],
  ['Beslag', 'De deurwaarder houdt een deel van uw loon, uitkering of spaargeld in voor een schuldeiser.'],
  ['Beslagvrije voet', 'Het geld dat u bij beslag altijd mag houden om van te leven.'],
  ['Betalingsregeling', 'Een afspraak met een schuldeiser om een schuld in delen te betalen, bijvoorbeeld elke maand een bedrag.'],
  ['Betwist', 'U bent het niet eens met de schuld, en u heeft dat aan de schuldeiser laten weten.'],
  ['Btw', 'Belasting die bedrijven op hun prijzen zetten. Een schuldeiser mag die niet altijd bij de incassokosten optellen.'],
  ['Dagvaarding', 'Een brief van de deurwaarder dat u naar de rechter moet. Er staat een datum in.'],
  ['Deurwaarder', 'Iemand die voor een schuldeiser geld mag innen. Een deurwaarder mag ook beslag leggen, bijvoorbeeld op uw loon.'],
  ['Incassobureau', 'Een bedrijf dat voor een schuldeiser het geld probeert te krijgen.'],
  ['Incassokosten', 'Kosten die een schuldeiser rekent als u te laat betaalt. De wet zegt hoeveel het hoogstens mag zijn.'],
  ['Kenmerk', 'Het nummer van een schuld. Het staat op de brief van de schuldeiser.'],
  ['Kwijtgescholden', 'De schuldeiser heeft de schuld laten vallen. U hoeft hem niet meer te betalen.'],
  ['Normbedragen', 'Bedragen van de overheid, zoals de bijstandsnorm. Ze veranderen elk half jaar.'],
  ['Nul-aanbod', 'Een voorstel aan uw schuldeisers als u nu niets kunt aflossen.'],
  ['Ontruiming', 'U moet uit uw huis, omdat de rechter dat heeft beslist.'],
  ['Schuldeiser', 'Iemand of een bedrijf aan wie u geld moet betalen.'],
  ['Schuldregeling', 'Een afspraak via de schuldhulpverlening met al uw schuldeisers tegelijk. Na de afgesproken tijd bent u van uw schulden af.'],
  ['Uitspraak van de rechter', 'De rechter heeft beslist dat u moet betalen. Dit heet ook een vonnis.'],
  ['Vrij te laten bedrag (VTLB)', 'Het geld dat u mag houden om van te leven, als u in een schuldregeling zit.'],
];

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
