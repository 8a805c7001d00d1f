/** Public API of the questionnaire engine (see README.md). */
export { type CheckIssue, checkQuestionnaire, scaleLevels } from './check.ts';
export { type EvalContext, evaluate, evaluateSource, type Value } from './expression/evaluate.ts';
export { analyze, compile, type Expr, FUNCTIONS, parseExpression } from './expression/parse.ts';
export { ExpressionError } from './expression/tokenize.ts';
export { type Answers, answerPath, FormState, type Scope } from './form-state.ts';
export { defaultMessage, MESSAGES, type ProblemKind } from './messages.ts';
export * from './model.ts';
export { type Crosstab, crosstab, ResultError } from './results/crosstab.ts';
export { type Observation, observe, type Response } from './results/observations.ts';
export { type PivotOptions, type PivotRow, pivotByCode } from './results/pivot.ts';
export { type AggregateOptions, DEFAULT_K } from './results/privacy.ts';
export { type CategoryFigure, type Summary, summarize } from './results/summaries.ts';
export { determinedCells, type Equation, suppress, tableEquations } from './results/suppression.ts';
export {
  type Problem,
  type ValidateOptions,
  type ValidationResult,
  validateResponse,
} from './validate-response.ts';
export { answerSignature, checkKeeps, compareVersions, type VersionComparison } from './versions.ts';
