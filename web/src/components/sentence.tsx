import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../src/contract/languages.ts';
import type { Sentence, SentenceParam } from '../api.ts';

/**
 * A sentence sent by the API (an audit event, a notification, a home task, a calendar entry):
 * a message key of a module's catalog and its parameters, some of them message keys themselves
 * (`{ t: key }`) or words in several languages (`{ labels }`, e.g. a registry kind's name),
 * shown here in the reader's language.
 */
export function useSentence() {
  const { t, i18n } = useTranslation();
  const param = (p: SentenceParam): string | number => {
    if (typeof p !== 'object') return p;
    if ('labels' in p) return labelIn(p.labels as Parameters<typeof labelIn>[0], i18n.language);
    return t(p.t, { defaultValue: p.fallback ?? p.t });
  };
  return (s: Sentence, extra: Record<string, string | number> = {}): string => {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(s.params)) params[k] = param(v);
    return t(s.key, { ...params, ...extra });
  };
}
