import type { Area } from '../../contract/registry-kinds.ts';

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
  /** The subject: `{prefix}: ` then the parts below joined by ", ". */
  subjectPrefix: string;
  subjectRecordsOne: string;
  subjectRecordsMany: string;
  subjectOne: string;
  subjectMany: string;
  /** The title of the HTML e-mail. */
  title: string;
  greeting: string;
  intro: string;
  /** The registry records part: its heading, and one line of counts per area. */
  recordsHeading: string;
  areaCounts: string;
  recordNew: string;
  recordUpdated: string;
  moreRecords: string;
  notificationsHeading: string;
  titleWithheld: string;
  more: string;
  readAll: string;
  footerDaily: string;
  footerWeekly: string;
  unsubscribe: string;
  unsubscribeLink: string;
  /** The page the unsubscribe link opens: a question (a link pre-fetched by a mail scanner changes nothing). */
  confirmTitle: string;
  confirmBody: string;
  confirmButton: string;
  /** The page after the digest was turned off. */
  unsubscribedTitle: string;
  unsubscribedBody: string;
  unsubscribedAgain: string;
  areas: Record<Area, string>;
  events: Record<DigestEvent, string>;
}

const en: DigestMessages = {
  subjectPrefix: 'EUCAB Platform',
  subjectRecordsOne: '1 new or updated record',
  subjectRecordsMany: '{n} new or updated records',
  subjectOne: '1 new notification',
  subjectMany: '{n} new notifications',
  title: 'Your EUCAB Platform digest',
  greeting: 'Hello {name},',
  intro: 'Since {since}, this is what is new for you on the EUCAB Platform.',
  recordsHeading: 'Registry records you may read: {n} new or updated',
  areaCounts: '{area}: {new} new, {updated} updated',
  recordNew: 'new',
  recordUpdated: 'updated',
  moreRecords: '… and {n} more in this area: {url}',
  notificationsHeading: 'Your unread notifications: {n}',
  titleWithheld: 'title not quoted by e-mail: {tlp} stays on the platform',
  more: '… and {n} more.',
  readAll: 'Read them all on the platform: {url}',
  footerDaily:
    'You receive this digest once a day. Change how often, or turn it off, on your notifications page: {url}',
  footerWeekly:
    'You receive this digest once a week. Change how often, or turn it off, on your notifications page: {url}',
  unsubscribe: 'Stop these e-mails with one click (no sign-in needed): {url}',
  unsubscribeLink: 'Stop these e-mails',
  confirmTitle: 'Stop the EUCAB Platform digest?',
  confirmBody: 'The digest is sent to {email}. Press the button to stop it; nothing changes until you do.',
  confirmButton: 'Stop the digest',
  unsubscribedTitle: 'You will no longer receive the digest',
  unsubscribedBody: 'The EUCAB Platform digest is turned off for {email}.',
  unsubscribedAgain: 'To receive it again, choose daily or weekly on your notifications page',
  areas: {
    procurement: 'Procurement',
    risk: 'Risk management',
    resilience: 'Resilience and integrity',
    innovation: 'Innovation',
    training: 'Training',
    third_countries: 'Third countries',
    communication: 'Communication',
  },
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
  subjectPrefix: 'Plateforme EUCAB',
  subjectRecordsOne: '1 fiche nouvelle ou mise à jour',
  subjectRecordsMany: '{n} fiches nouvelles ou mises à jour',
  subjectOne: '1 nouvelle notification',
  subjectMany: '{n} nouvelles notifications',
  title: 'Votre récapitulatif de la plateforme EUCAB',
  greeting: 'Bonjour {name},',
  intro: 'Depuis le {since}, voici ce qui est nouveau pour vous sur la plateforme EUCAB.',
  recordsHeading: 'Fiches du registre que vous pouvez lire : {n} nouvelle(s) ou mise(s) à jour',
  areaCounts: '{area} : {new} nouvelle(s), {updated} mise(s) à jour',
  recordNew: 'nouvelle',
  recordUpdated: 'mise à jour',
  moreRecords: '… et {n} autre(s) dans ce domaine : {url}',
  notificationsHeading: 'Vos notifications non lues : {n}',
  titleWithheld: 'titre non cité par courriel : {tlp} reste sur la plateforme',
  more: '… et {n} autre(s).',
  readAll: 'Toutes les lire sur la plateforme : {url}',
  footerDaily:
    'Vous recevez ce récapitulatif une fois par jour. Changez sa fréquence, ou désactivez-le, sur votre page de notifications : {url}',
  footerWeekly:
    'Vous recevez ce récapitulatif une fois par semaine. Changez sa fréquence, ou désactivez-le, sur votre page de notifications : {url}',
  unsubscribe: 'Ne plus recevoir ces courriels, en un clic (sans connexion) : {url}',
  unsubscribeLink: 'Ne plus recevoir ces courriels',
  confirmTitle: 'Arrêter le récapitulatif de la plateforme EUCAB ?',
  confirmBody:
    'Le récapitulatif est envoyé à {email}. Appuyez sur le bouton pour l’arrêter ; rien ne change tant que vous ne l’avez pas fait.',
  confirmButton: 'Arrêter le récapitulatif',
  unsubscribedTitle: 'Vous ne recevrez plus le récapitulatif',
  unsubscribedBody: 'Le récapitulatif de la plateforme EUCAB est désactivé pour {email}.',
  unsubscribedAgain:
    'Pour le recevoir à nouveau, choisissez quotidien ou hebdomadaire sur votre page de notifications',
  areas: {
    procurement: 'Achats',
    risk: 'Gestion des risques',
    resilience: 'Résilience et intégrité',
    innovation: 'Innovation',
    training: 'Formation',
    third_countries: 'Pays tiers',
    communication: 'Communication',
  },
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
  subjectPrefix: 'EUCAB-Plattform',
  subjectRecordsOne: '1 neuer oder geänderter Eintrag',
  subjectRecordsMany: '{n} neue oder geänderte Einträge',
  subjectOne: '1 neue Benachrichtigung',
  subjectMany: '{n} neue Benachrichtigungen',
  title: 'Ihre Zusammenfassung der EUCAB-Plattform',
  greeting: 'Hallo {name},',
  intro: 'Seit {since} ist dies neu für Sie auf der EUCAB-Plattform.',
  recordsHeading: 'Registereinträge, die Sie lesen dürfen: {n} neu oder geändert',
  areaCounts: '{area}: {new} neu, {updated} geändert',
  recordNew: 'neu',
  recordUpdated: 'geändert',
  moreRecords: '… und {n} weitere in diesem Bereich: {url}',
  notificationsHeading: 'Ihre ungelesenen Benachrichtigungen: {n}',
  titleWithheld: 'Titel wird per E-Mail nicht zitiert: {tlp} bleibt auf der Plattform',
  more: '… und {n} weitere.',
  readAll: 'Alle auf der Plattform lesen: {url}',
  footerDaily:
    'Sie erhalten diese Zusammenfassung einmal täglich. Häufigkeit ändern oder abbestellen auf Ihrer Benachrichtigungsseite: {url}',
  footerWeekly:
    'Sie erhalten diese Zusammenfassung einmal wöchentlich. Häufigkeit ändern oder abbestellen auf Ihrer Benachrichtigungsseite: {url}',
  unsubscribe: 'Diese E-Mails mit einem Klick abbestellen (ohne Anmeldung): {url}',
  unsubscribeLink: 'Diese E-Mails abbestellen',
  confirmTitle: 'Die Zusammenfassung der EUCAB-Plattform abbestellen?',
  confirmBody:
    'Die Zusammenfassung geht an {email}. Drücken Sie die Schaltfläche, um sie abzubestellen; bis dahin ändert sich nichts.',
  confirmButton: 'Zusammenfassung abbestellen',
  unsubscribedTitle: 'Sie erhalten die Zusammenfassung nicht mehr',
  unsubscribedBody: 'Die Zusammenfassung der EUCAB-Plattform ist für {email} abbestellt.',
  unsubscribedAgain:
    'Um sie wieder zu erhalten, wählen Sie täglich oder wöchentlich auf Ihrer Benachrichtigungsseite',
  areas: {
    procurement: 'Beschaffung',
    risk: 'Risikomanagement',
    resilience: 'Resilienz und Integrität',
    innovation: 'Innovation',
    training: 'Ausbildung',
    third_countries: 'Drittländer',
    communication: 'Kommunikation',
  },
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
