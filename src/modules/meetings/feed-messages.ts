/**
 * The calendar feed's words (the feed is written by the server, in its owner's language; the web's
 * catalogs live in web/src/i18n). Every language has every key: the type makes a missing one an error.
 */
export interface FeedMessages {
  name: string;
  description: string;
  restricted: string;
  restrictedDescription: string;
  open: string;
}

const en: FeedMessages = {
  name: 'EUCAB Platform calendar',
  description: 'The dates you may read on the EUCAB Platform, as of each update.',
  restricted: 'Restricted item',
  restrictedDescription:
    'Its marking does not allow quoting it outside the platform. Open it on the platform:',
  open: 'Open on the platform:',
};

const fr: FeedMessages = {
  name: 'Calendrier de la plateforme EUCAB',
  description: 'Les dates que vous pouvez consulter sur la plateforme EUCAB, à chaque mise à jour.',
  restricted: 'Élément restreint',
  restrictedDescription:
    'Son marquage ne permet pas de le citer en dehors de la plateforme. Ouvrez-le sur la plateforme :',
  open: 'Ouvrir sur la plateforme :',
};

const de: FeedMessages = {
  name: 'Kalender der EUCAB-Plattform',
  description: 'Die Termine, die Sie auf der EUCAB-Plattform lesen dürfen, bei jeder Aktualisierung.',
  restricted: 'Eingeschränkter Eintrag',
  restrictedDescription:
    'Seine Kennzeichnung erlaubt kein Zitieren außerhalb der Plattform. Öffnen Sie ihn auf der Plattform:',
  open: 'Auf der Plattform öffnen:',
};

const MESSAGES: Record<string, FeedMessages> = { en, fr, de };

/** The feed's words in a language (else English). */
export function feedMessages(locale: string): FeedMessages {
  return MESSAGES[locale.slice(0, 2).toLowerCase()] ?? en;
}
