import { type Actor, isUser } from './actor.ts';

/**
 * The generated training cooperation programme (registry kind training_programme, reads and the
 * four-eyes publication through the registry's policy): only a coordinator of the training network
 * creates a programme and runs the generator on it (pins, exclusions, re-runs).
 */
export function canGenerateTrainingProgramme(a: Actor): boolean {
  return isUser(a) && a.networkCodes.get('training') === 'coordinator';
}
