import { useTranslation } from 'react-i18next';
import { TextField } from '../components/ui.tsx';

/**
 * The control budget (percent of the declarations) and the exploration share, as entered when
 * training a model and when scoring a batch (placeholders: the active model's settings).
 */
export function BudgetFields(props: {
  budget: string;
  exploration: string;
  onBudget: (v: string) => void;
  onExploration: (v: string) => void;
  placeholders?: { budget: string; exploration: string };
  explorationHint?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('risk.models.budget')}
        type="number"
        min="0.1"
        max="100"
        step="0.1"
        value={props.budget}
        placeholder={props.placeholders?.budget}
        onChange={(e) => props.onBudget(e.target.value)}
      />
      <TextField
        label={t('risk.models.exploration')}
        hint={props.explorationHint}
        type="number"
        min="0"
        max="0.5"
        step="0.05"
        value={props.exploration}
        placeholder={props.placeholders?.exploration}
        onChange={(e) => props.onExploration(e.target.value)}
      />
    </>
  );
}
