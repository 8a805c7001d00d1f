/**
 * The reminder e-mail's message catalog (server-side: e-mails are written in the recipient's
 * language). Every language has every key (the type makes a missing one an error).
 */
export interface ReminderMessages {
  subject: string;
  greeting: string;
  body: string;
  status: Record<'not_started' | 'draft' | 'reopened', string>;
  open: string;
  footer: string;
}

const en: ReminderMessages = {
  subject: 'EUCAB Platform: "{title}" closes in {days} day(s)',
  greeting: 'Hello {name},',
  body: 'The mapping campaign "{title}" closes on {date}. The response of {administration} is not validated yet ({status}).',
  status: { not_started: 'not started', draft: 'a draft', reopened: 'reopened by the coordinator' },
  open: 'Open the campaign: {url}',
  footer: 'You receive this reminder because you answer for your administration in this campaign.',
};

const fr: ReminderMessages = {
  subject: 'Plateforme EUCAB : « {title} » se termine dans {days} jour(s)',
  greeting: 'Bonjour {name},',
  body: "La campagne de cartographie « {title} » se termine le {date}. La réponse de {administration} n'est pas encore validée ({status}).",
  status: { not_started: 'pas commencée', draft: 'un brouillon', reopened: 'rouverte par le coordinateur' },
  open: 'Ouvrir la campagne : {url}',
  footer: 'Vous recevez ce rappel parce que vous répondez pour votre administration dans cette campagne.',
};

const de: ReminderMessages = {
  subject: 'EUCAB-Plattform: „{title}“ endet in {days} Tag(en)',
  greeting: 'Hallo {name},',
  body: 'Die Erhebung „{title}“ endet am {date}. Die Antwort von {administration} ist noch nicht validiert ({status}).',
  status: {
    not_started: 'nicht begonnen',
    draft: 'ein Entwurf',
    reopened: 'vom Koordinator wieder geöffnet',
  },
  open: 'Erhebung öffnen: {url}',
  footer: 'Sie erhalten diese Erinnerung, weil Sie in dieser Erhebung für Ihre Verwaltung antworten.',
};

export const REMINDER_MESSAGES: Readonly<Record<'en' | 'fr' | 'de', ReminderMessages>> = { en, fr, de };

export function reminderMessages(locale: string): ReminderMessages {
  return Object.hasOwn(REMINDER_MESSAGES, locale) ? REMINDER_MESSAGES[locale as 'en' | 'fr' | 'de'] : en;
}
