import { useTranslation } from 'react-i18next';
import {
  answerPath,
  type FormState,
  type Item,
  type Matrix,
  type Questionnaire,
  type Repeat,
  type Scope,
  textIn,
} from '../../../src/engines/questionnaire/index.ts';
import { entriesAt, textOf, withDefaults } from './form-model.ts';
import { CellInput, QuestionField, useRowsOf } from './QuestionField.tsx';

/** What every item of the response form needs: the definition, the live state, how to change an answer. */
export interface FormContext {
  /** The response (file answers are uploaded to it). */
  responseId: string;
  q: Questionnaire;
  state: FormState;
  lang: string;
  set: (scope: Scope, code: string, value: unknown) => void;
  /** Problems by answer path (client-side evaluation and the server's last answer). */
  problem: (path: string) => string | undefined;
  disabled: boolean;
}

/** The items of a level of the form (top level, a group, a repeat entry), shown when relevant. */
export function FormItems({
  items,
  scope,
  f,
  level,
}: {
  items: Item[];
  scope: Scope;
  f: FormContext;
  level: number;
}) {
  return (
    <>
      {items.map((item) =>
        f.state.isRelevant(item.code, scope) ? (
          <FormItem key={item.code} item={item} scope={scope} f={f} level={level} />
        ) : null,
      )}
    </>
  );
}

function FormItem({ item, scope, f, level }: { item: Item; scope: Scope; f: FormContext; level: number }) {
  const { t } = useTranslation();
  const label = textOf(item.label, f.q, f.lang);
  const hint = textIn(item.hint, f.lang, f.q.defaultLanguage);
  switch (item.type) {
    case 'group': {
      const Heading = level === 0 ? 'h2' : level === 1 ? 'h3' : 'h4';
      return (
        <section className={level === 0 ? 'card q-section' : 'q-group'}>
          <Heading>{label}</Heading>
          {hint && <p className="hint">{hint}</p>}
          <FormItems items={item.items} scope={scope} f={f} level={level + 1} />
        </section>
      );
    }
    case 'repeat':
      return <RepeatItem item={item} scope={scope} f={f} level={level} />;
    case 'matrix':
      return <MatrixItem item={item} scope={scope} f={f} />;
    case 'note':
      return (
        <div className="q-note">
          <p>{label}</p>
          {hint && <p className="hint">{hint}</p>}
        </div>
      );
    case 'calculate': {
      if (!label) return null;
      const v = f.state.value(item.code, scope);
      return (
        <p className="q-calculated">
          {label}: <output>{v === '' ? '—' : String(v)}</output>{' '}
          <span className="hint">{t('mapping.form.calculated')}</span>
        </p>
      );
    }
    default:
      return <QuestionField item={item} scope={scope} f={f} label={label} hint={hint} />;
  }
}

function RepeatItem({
  item,
  scope,
  f,
  level,
}: {
  item: Repeat;
  scope: Scope;
  f: FormContext;
  level: number;
}) {
  const { t } = useTranslation();
  const label = textOf(item.label, f.q, f.lang);
  const entries = entriesAt(f.state.answers, scope, item.code);
  const fixed =
    item.repeatCount !== undefined
      ? Math.max(0, Math.floor(Number(f.state.evaluate(item.repeatCount, scope)) || 0))
      : null;
  const count = fixed ?? entries.length;
  const canAdd = fixed === null && (item.maxCount === undefined || count < item.maxCount) && !f.disabled;
  const problem = f.problem(answerPath(scope, item.code));
  return (
    <fieldset className="fieldset q-repeat">
      <legend>{label}</legend>
      {textIn(item.hint, f.lang, f.q.defaultLanguage) && (
        <p className="hint">{textIn(item.hint, f.lang, f.q.defaultLanguage)}</p>
      )}
      {count === 0 && <p>{t('mapping.form.noEntries')}</p>}
      {Array.from({ length: count }, (_, i) => {
        const entryScope: Scope = [...scope, { container: item.code, key: i }];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: repeat entries are identified by their position
          <fieldset key={i} className="fieldset q-entry">
            <legend>{t('mapping.form.entry', { label, n: i + 1 })}</legend>
            <FormItems items={item.items} scope={entryScope} f={f} level={level + 1} />
            {fixed === null && !f.disabled && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  f.set(
                    scope,
                    item.code,
                    entries.filter((_, j) => j !== i),
                  )
                }
              >
                {t('mapping.form.removeEntry', { label, n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {canAdd && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => f.set(scope, item.code, [...entries, withDefaults(item.items, {})])}
        >
          {t('mapping.form.addEntry', { label })}
        </button>
      )}
      {problem && <p className="field-error">{problem}</p>}
    </fieldset>
  );
}

function MatrixItem({ item, scope, f }: { item: Matrix; scope: Scope; f: FormContext }) {
  const { t } = useTranslation();
  const label = textOf(item.label, f.q, f.lang);
  const rows = useRowsOf(f.q, item.rows, f.lang);
  return (
    <div className="table-wrap q-matrix">
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <td />
            {item.columns.map((c) => (
              <th scope="col" key={c.code}>
                {textOf(c.label, f.q, f.lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={item.columns.length + 1} className="empty">
                {t('mapping.form.noChoices')}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const rowScope: Scope = [...scope, { container: item.code, key: row.name }];
            return (
              <tr key={row.name}>
                <th scope="row">{row.label}</th>
                {item.columns.map((c) => {
                  const path = answerPath(rowScope, c.code);
                  const problem = f.problem(path);
                  return (
                    <td key={c.code}>
                      {f.state.isRelevant(c.code, rowScope) ? (
                        <CellInput
                          column={c}
                          scope={rowScope}
                          f={f}
                          label={`${row.label} — ${textOf(c.label, f.q, f.lang)}`}
                          problem={problem}
                        />
                      ) : null}
                      {problem && <p className="field-error">{problem}</p>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
