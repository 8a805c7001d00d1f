import { useTranslation } from 'react-i18next';
import type { Sentence, SentenceParam } from '../api.ts';

/**
 * A sentence sent by the API (an audit event, a notification, a home task, a calendar entry):
 * a message key of a module's catalog and its parameters, some of them message keys themselves
 * (`{ t: key }`, e.g. a registry kind's name), translated here in the reader's language.
 */
export function useSentence() {
  const { t } = useTranslation();
  const param = (p: SentenceParam): string | number =>
    typeof p === 'object' ? t(p.t, { defaultValue: p.fallback ?? p.t }) : p;
  return (s: Sentence, extra: Record<string, string | number> = {}): string => {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(s.params)) params[k] = param(v);
    return t(s.key, { ...params, ...extra });
  };
}
