import { useTranslation } from 'react-i18next';

/** Overrides of a declaration file's detected dialect; empty values mean "detect". */
export interface DialectChoice {
  encoding: string;
  delimiter: string;
  decimal: string;
  dateFormat: string;
}

export const DETECT: DialectChoice = { encoding: '', delimiter: '', decimal: '', dateFormat: '' };

const OPTIONS: Record<keyof DialectChoice, string[]> = {
  encoding: ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'],
  delimiter: ['comma', 'semicolon', 'tab', 'pipe'],
  decimal: ['point', 'comma'],
  dateFormat: ['ymd', 'dmy', 'mdy'],
};

/** Adds the chosen overrides to an upload form (fields encoding, delimiter, decimal, dateFormat). */
export function appendDialect(form: FormData, d: DialectChoice): void {
  for (const k of Object.keys(OPTIONS) as Array<keyof DialectChoice>) if (d[k]) form.append(k, d[k]);
}

/** Four selects (encoding, delimiter, decimal separator, date format), each "detect automatically" by default. */
export function FileDialectFields({
  value,
  onChange,
}: {
  value: DialectChoice;
  onChange: (d: DialectChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="risk-dialect">
      <legend>{t('riskFiles.dialect.legend')}</legend>
      <p className="hint">{t('riskFiles.dialect.hint')}</p>
      {(Object.keys(OPTIONS) as Array<keyof DialectChoice>).map((k) => (
        <label key={k}>
          {t(`riskFiles.dialect.${k}`)}{' '}
          <select value={value[k]} onChange={(e) => onChange({ ...value, [k]: e.target.value })}>
            <option value="">{t('riskFiles.dialect.detect')}</option>
            {OPTIONS[k].map((o) => (
              <option key={o} value={o}>
                {t(`riskFiles.dialect.options.${k}.${o}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
