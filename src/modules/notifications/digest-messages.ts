/**
 * The e-mail digest's message catalog (the web's catalogs live in web/src/i18n; e-mails are
 * written by the server, in the recipient's language). Every language has every key: the type
 * below makes a missing one a type error. `{n}`, `{name}`, … are filled in by `fill`.
 */
/** The last segment of a notification's kind (`equipment_item.published`, `job.failed`, …). */
export const DIGEST_EVENTS = [
  'created',
  'corrected',
  'shared',
  'feedback',
  'interest',
  'withdrawn',
  'published',
  'retracted',
  'comment',
  'mention',
  'requested',
  'endorsed',
  'active',
  'rejected',
  'succeeded',
  'failed',
  'cancelled',
  'assigned',
  'reopened',
  'due',
  'overdue',
] as const;
export type DigestEvent = (typeof DIGEST_EVENTS)[number];

export interface DigestMessages {
  subjectOne: string;
  subjectMany: string;
  greeting: string;
  intro: string;
  titleWithheld: string;
  more: string;
  readAll: string;
  footerDaily: string;
  footerWeekly: string;
  events: Record<DigestEvent, string>;
}

const en: DigestMessages = {
  subjectOne: 'EUCAB Platform: 1 new notification',
  subjectMany: 'EUCAB Platform: {n} new notifications',
  greeting: 'Hello {name},',
  intro: 'Since {since}, the EUCAB Platform has {n} new notification(s) for you:',
  titleWithheld: 'title not quoted by e-mail: {tlp} stays on the platform',
  more: '… and {n} more.',
  readAll: 'Read them all on the platform: {url}',
  footerDaily:
    'You receive this digest once a day. Change how often, or turn it off, on your notifications page: {url}',
  footerWeekly:
    'You receive this digest once a week. Change how often, or turn it off, on your notifications page: {url}',
  events: {
    created: 'new',
    corrected: 'corrected',
    shared: 'shared with you',
    feedback: 'new feedback on control results',
    interest: 'interest expressed',
    withdrawn: 'membership request withdrawn',
    published: 'published',
    retracted: 'retracted',
    comment: 'new comment',
    mention: 'you were mentioned',
    requested: 'membership requested',
    endorsed: 'membership endorsed',
    active: 'membership approved',
    rejected: 'membership rejected',
    succeeded: 'job finished',
    failed: 'job failed',
    cancelled: 'job cancelled',
    assigned: 'you are assigned to answer',
    reopened: 'response reopened by the coordinator',
    due: 'action point due today',
    overdue: 'action point overdue',
  },
};

const fr: DigestMessages = {
  subjectOne: 'Plateforme EUCAB : 1 nouvelle notification',
  subjectMany: 'Plateforme EUCAB : {n} nouvelles notifications',
  greeting: 'Bonjour {name},',
  intro: 'Depuis le {since}, la plateforme EUCAB a {n} nouvelle(s) notification(s) pour vous :',
  titleWithheld: 'titre non cité par courriel : {tlp} reste sur la plateforme',
  more: '… et {n} autre(s).',
  readAll: 'Toutes les lire sur la plateforme : {url}',
  footerDaily:
    'Vous recevez ce récapitulatif une fois par jour. Changez sa fréquence, ou désactivez-le, sur votre page de notifications : {url}',
  footerWeekly:
    'Vous recevez ce récapitulatif une fois par semaine. Changez sa fréquence, ou désactivez-le, sur votre page de notifications : {url}',
  events: {
    created: 'nouveau',
    corrected: 'corrigé',
    shared: 'partagé avec vous',
    feedback: 'nouveau retour sur les résultats de contrôle',
    interest: "marque d'intérêt",
    withdrawn: "demande d'adhésion retirée",
    published: 'publié',
    retracted: 'retiré',
    comment: 'nouveau commentaire',
    mention: 'vous avez été mentionné(e)',
    requested: 'adhésion demandée',
    endorsed: 'adhésion appuyée',
    active: 'adhésion approuvée',
    rejected: 'adhésion refusée',
    succeeded: 'tâche terminée',
    failed: 'tâche en échec',
    cancelled: 'tâche annulée',
    assigned: 'vous êtes désigné pour répondre',
    reopened: 'réponse rouverte par le coordinateur',
    due: 'action à échéance aujourd’hui',
    overdue: 'action en retard',
  },
};

const de: DigestMessages = {
  subjectOne: 'EUCAB-Plattform: 1 neue Benachrichtigung',
  subjectMany: 'EUCAB-Plattform: {n} neue Benachrichtigungen',
  greeting: 'Hallo {name},',
  intro: 'Seit {since} hat die EUCAB-Plattform {n} neue Benachrichtigung(en) für Sie:',
  titleWithheld: 'Titel wird per E-Mail nicht zitiert: {tlp} bleibt auf der Plattform',
  more: '… und {n} weitere.',
  readAll: 'Alle auf der Plattform lesen: {url}',
  footerDaily:
    'Sie erhalten diese Zusammenfassung einmal täglich. Häufigkeit ändern oder abbestellen auf Ihrer Benachrichtigungsseite: {url}',
  footerWeekly:
    'Sie erhalten diese Zusammenfassung einmal wöchentlich. Häufigkeit ändern oder abbestellen auf Ihrer Benachrichtigungsseite: {url}',
  events: {
    created: 'neu',
    corrected: 'korrigiert',
    shared: 'mit Ihnen geteilt',
    feedback: 'neue Rückmeldung zu Kontrollergebnissen',
    interest: 'Interesse bekundet',
    withdrawn: 'Mitgliedschaftsantrag zurückgezogen',
    published: 'veröffentlicht',
    retracted: 'zurückgezogen',
    comment: 'neuer Kommentar',
    mention: 'Sie wurden erwähnt',
    requested: 'Mitgliedschaft beantragt',
    endorsed: 'Mitgliedschaft befürwortet',
    active: 'Mitgliedschaft bestätigt',
    rejected: 'Mitgliedschaft abgelehnt',
    succeeded: 'Auftrag abgeschlossen',
    failed: 'Auftrag fehlgeschlagen',
    cancelled: 'Auftrag abgebrochen',
    assigned: 'Sie sind zum Antworten benannt',
    reopened: 'Antwort vom Koordinator wieder geöffnet',
    due: 'Maßnahme heute fällig',
    overdue: 'Maßnahme überfällig',
  },
};

export const DIGEST_MESSAGES: Readonly<Record<'en' | 'fr' | 'de', DigestMessages>> = { en, fr, de };

export function digestMessages(locale: string): DigestMessages {
  return Object.hasOwn(DIGEST_MESSAGES, locale) ? DIGEST_MESSAGES[locale as 'en' | 'fr' | 'de'] : en;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
