/**
 * The names of the registry kinds, as a type. Each definition file adds its own name here by
 * declaration merging, next to its `defineKind`:
 *
 * ```ts
 * declare module '../../../contract/kind-names.ts' {
 *   interface KindNames {
 *     tender: true;
 *   }
 * }
 * ```
 *
 * so `defineKind` accepts only a declared name and a `ref` field naming a kind that does not exist
 * fails the type check — with no list of kinds to keep by hand. Types only: nothing runs here.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the definition files
export interface KindNames {}

export type KindName = keyof KindNames & string;
