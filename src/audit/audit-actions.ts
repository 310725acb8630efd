// Every audit action, with how a resident reads it in their access log (plain Dutch, B1). A new
// action must be added here, so the log never shows a resident a bare code.

const CHILD_PHRASES = {
  debt: ['uw schulden bekeken', 'uw schulden bekeken', 'een schuld toegevoegd', 'een schuld aangepast', 'een schuld verwijderd'],
  income: ['uw inkomsten bekeken', 'uw inkomsten bekeken', 'een inkomen toegevoegd', 'een inkomen aangepast', 'een inkomen verwijderd'],
  expense: ['uw uitgaven bekeken', 'uw uitgaven bekeken', 'een uitgave toegevoegd', 'een uitgave aangepast', 'een uitgave verwijderd'],
  action: ['uw actiepunten bekeken', 'uw actiepunten bekeken', 'een actiepunt toegevoegd', 'een actiepunt aangepast', 'een actiepunt verwijderd'],
} as const;

export type ChildAuditName = keyof typeof CHILD_PHRASES;

function childActions<Name extends ChildAuditName>(name: Name) {
  const [listed, read, created, updated, deleted] = CHILD_PHRASES[name];
  return {
    [`${name}.listed`]: listed,
    [`${name}.read`]: read,
    [`${name}.created`]: created,
    [`${name}.updated`]: updated,
    [`${name}.deleted`]: deleted,
  } as Record<`${Name}.${'listed' | 'read' | 'created' | 'updated' | 'deleted'}`, string>;
}

/** What the actor did, as the rest of a sentence after "Uw maatje …" or "U …" + "heeft". */
export const AUDIT_ACTION_PHRASES = {
  'dossier.created': 'uw dossier aangemaakt',
  'dossier.read': 'uw dossier bekeken',
  'dossier.listed': 'de lijst met dossiers bekeken',
  'dossier.updated': 'gegevens in uw dossier aangepast',
  'dossier.transitioned': 'uw dossier naar een andere stap gezet',
  'dossier.closed': 'uw dossier afgesloten',
  'consent.given': 'uw toestemming vastgelegd',
  'consent.withdrawn': 'uw toestemming ingetrokken',
  'story.read': 'uw verhaal gelezen',
  'story.updated': 'uw verhaal aangepast',
  ...childActions('debt'),
  ...childActions('income'),
  ...childActions('expense'),
  ...childActions('action'),
  'referral.read': 'de doorverwijzing bekeken',
  'referral.updated': 'de doorverwijzing aangepast',
  'checklist.read': 'de checklist voor de doorverwijzing bekeken',
  'checklist.updated': 'de checklist voor de doorverwijzing aangepast',
  'measurement.listed': 'de antwoorden op de vragenlijst bekeken',
  'measurement.recorded': 'de vragenlijst ingevuld',
  'overview.read': 'uw overzicht van inkomsten, uitgaven en schulden bekeken',
  'settlement.read': 'een berekening van een schuldregeling bekeken',
  'export.pdf': 'uw overzicht als PDF gedownload',
  'export.json': 'al uw gegevens gedownload',
  'accessLog.read': 'bekeken wie uw dossier heeft geopend',
  // A change based on an older version is refused, and the answer shows what is there now.
  'conflict.read': 'de nieuwste gegevens bekeken, omdat een wijziging niet meer paste',
  'letter.created': 'brieven aan schuldeisers gemaakt',
  'letter.listed': 'de brieven aan schuldeisers bekeken',
  'letter.updated': 'bijgehouden wanneer een brief is verstuurd of beantwoord',
  'letter.pdf': 'brieven aan schuldeisers als PDF gedownload',
  // Written by the daily housekeeping, with no actor.
  'letter.followUp': 'een actiepunt gemaakt omdat een schuldeiser na 4 weken niet heeft geantwoord',
  'handoverConsent.given': 'uw toestemming vastgelegd om uw dossier te delen met de organisatie die u verder helpt',
  'handoverConsent.withdrawn': 'uw toestemming ingetrokken om uw dossier te delen',
  'handoverConsent.read': 'uw toestemming om uw dossier te delen bekeken',
  'handover.json': 'uw overdrachtsdossier gedownload voor de organisatie die u verder helpt',
  'handover.pdf': 'uw overdrachtsdossier als PDF gedownload',
  'assignment.created': 'een maatje aan uw dossier gekoppeld',
  'assignment.changed': 'een ander maatje aan uw dossier gekoppeld',
  'assignment.repeated': 'hetzelfde maatje opnieuw aan uw dossier gekoppeld',
  'assignment.ended': 'het maatje van uw dossier losgekoppeld',
  'erasure.read': 'bekeken of er een verzoek is om uw gegevens te wissen',
  'erasure.requested': 'gevraagd om uw gegevens te wissen',
  'erasure.cancelled': 'het verzoek om uw gegevens te wissen ingetrokken',
  'erasure.executed': 'uw gegevens gewist',
  // Events without a dossier: they never show in a resident's log, but are audited all the same.
  'access.denied': 'geprobeerd iets te doen waarvoor geen toestemming is',
  'caseload.read': 'de lijst met dossiers van de locatie bekeken',
  'instrument.created': 'een nieuwe vragenlijst toegevoegd',
  'normPeriod.created': 'nieuwe normbedragen toegevoegd',
  'letterTemplate.created': 'een nieuwe versie van een brief toegevoegd',
  'stats.read': 'statistieken opgevraagd',
  'erasureReceipt.read': 'een bewijs van wissen opgevraagd',
  'housekeeping.run': 'het opruimwerk gedaan',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_PHRASES | `auth.${string}` | `user.${string}` | `location.${string}` | `normPeriod.${string}`;

// "U" is only ever the resident themself (actorIsResident); any other resident is someone else.
const ROLE_WORDS = { resident: 'Een andere bewoner', maatje: 'Maatje', coordinator: 'Coördinator', evaluator: 'Onderzoeker', admin: 'Beheerder' } as const;

/** "Maatje Fatima heeft uw dossier bekeken." — or, for a refused attempt, that it was refused. */
export function describeAuditEvent(event: {
  action: string; outcome: 'success' | 'denied' | 'failure'; actorRole: keyof typeof ROLE_WORDS | null; actorDisplayName: string | null; actorIsResident: boolean;
  /** Refusals of one caller within one hour, shown as one entry. */
  attempts?: number;
}): string {
  const who = event.actorIsResident
    ? 'U'
    : [event.actorRole ? ROLE_WORDS[event.actorRole] : 'Iemand', event.actorDisplayName].filter(Boolean).join(' ');
  const phrase = (AUDIT_ACTION_PHRASES as Record<string, string>)[event.action] ?? 'iets in uw dossier gedaan';
  if (event.outcome === 'denied') {
    const times = (event.attempts ?? 1) > 1 ? ` ${event.attempts} keer` : '';
    return `${who} probeerde uw dossier${times} te openen, maar kreeg geen toegang.`;
  }
  if (event.outcome === 'failure') return `${who} probeerde iets in uw dossier te doen, maar dat lukte niet.`;
  return `${who} heeft ${phrase}.`;
}

const longDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/**
 * Added to the first entry of an account after its credentials were reset: someone else may have
 * had the new code, so the resident should know (issue 15, rule 1).
 */
export function describeAccountReset(resetAt: Date, actorIsResident: boolean): string {
  const whose = actorIsResident ? 'Uw account' : 'Dit account';
  return `Let op: ${whose} kreeg op ${longDate.format(resetAt)} een nieuwe code om in te loggen.`;
}
