import type { ModuleManifest } from '../manifest.ts';
import type { Sentence } from '../sentence.ts';
import { notificationSentence } from '../sentences.ts';

/** Adds to each notification its sentence (`{ key, params }`), from the module that writes its kind. */
export function withNotificationSentences<T extends { kind: string; summary: string }>(
  modules: readonly ModuleManifest[],
  items: T[],
): (T & { sentence: Sentence | null })[] {
  return items.map((n) => ({
    ...n,
    sentence: notificationSentence(modules, { kind: n.kind, summary: n.summary }),
  }));
}
