import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { indexItems, type Questionnaire } from '../../../src/engines/questionnaire/index.ts';
import { formLanguage, textOf, valueLabel } from './form-model.ts';

/** A figure, or "suppressed" when the API hides it (fewer than 3 administrations behind it, or derivable). */
export function Figure({ value, digits = 1 }: { value: number | null | undefined; digits?: number }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined)
    return <span className="suppressed">{t('mapping.results.suppressed')}</span>;
  return <>{new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value)}</>;
}

/** The labels of answers in the reader's language (the form's, when it has it). */
export function useLabels(q: Questionnaire) {
  const { t, i18n } = useTranslation();
  const lang = formLanguage(q, i18n.language);
  const index = indexItems(q);
  const yesNo = { yes: t('mapping.form.yes'), no: t('mapping.form.no') };
  return {
    lang,
    question: (code: string) => textOf(index.get(code)?.item.label, q, lang) || code,
    value: (code: string, value: string) => valueLabel(q, index.get(code)?.item, value, lang, yesNo),
  };
}

/** A wide table's scrolling frame: keyboard users reach it (Tab) and scroll it with the arrow keys. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
