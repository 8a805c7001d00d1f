import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { isLang, LANGUAGES, setLanguage } from '../i18n/index.ts';
import { useMe } from '../session.ts';

/** Language choice: kept in the browser, and saved to the profile when signed in. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('nav.language')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          const lang = e.target.value;
          if (!isLang(lang)) return;
          void setLanguage(lang);
          if (me?.stage === 'full')
            void api('/account/profile', { method: 'PATCH', body: { locale: lang } }).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
