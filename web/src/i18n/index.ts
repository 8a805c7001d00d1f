import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalog } from './catalog.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'de', label: 'Deutsch' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];
const STORAGE_KEY = 'eucab.lang';

export function isLang(x: unknown): x is Lang {
  return x === 'en' || x === 'fr' || x === 'de';
}

export function storedLanguage(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

function initialLanguage(): Lang {
  const stored = storedLanguage();
  if (stored) return stored;
  const nav = (navigator.language || 'en').slice(0, 2);
  return isLang(nav) ? nav : 'en';
}

export function setLanguage(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: catalog('en') },
    fr: { translation: catalog('fr') },
    de: { translation: catalog('de') },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
