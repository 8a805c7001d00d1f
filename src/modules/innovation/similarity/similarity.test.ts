import { describe, expect, it } from 'vitest';
import { type InitiativeText, mostSimilar, trlBand } from './similarity.ts';
import { conceptsOf, trigramSimilarity } from './text.ts';

const base = { domain: 'ai_image_recognition', trl: 'trl_6', technologies: ['xray', 'machine_learning'] };
const german: InitiativeText = {
  ...base,
  id: 'de',
  owner: 'DE',
  language: 'de',
  title: 'KI-gestützte Erkennung von Zigaretten in Röntgenbildern von Containern',
  summary: 'Ein neuronales Netz markiert verdächtige Bereiche in Röntgenbildern von Seecontainern.',
};
const french: InitiativeText = {
  ...base,
  id: 'fr',
  owner: 'FR',
  language: 'fr',
  title: 'Détection automatique de cigarettes dans les images radioscopiques des conteneurs',
  summary:
    'Un réseau de neurones signale les zones suspectes des images de scanners à rayons X de conteneurs.',
};
const seals: InitiativeText = {
  id: 'pl',
  owner: 'PL',
  language: 'pl',
  title: 'Elektroniczne plomby z lokalizacją GNSS dla tranzytu',
  summary: 'Ciężarówki w tranzycie zamykane są elektronicznymi plombami.',
  domain: 'smart_seals',
  trl: 'trl_8',
  technologies: ['gnss_tracking'],
};

describe('who else works on this', () => {
  it('finds the words of one concept in several languages, German compounds included', () => {
    expect([...conceptsOf(german.title)].sort()).toEqual([
      'ai',
      'container',
      'image',
      'recognition',
      'tobacco',
      'xray',
    ]);
    expect([...conceptsOf(french.title)].sort()).toEqual([
      'container',
      'detection',
      'image',
      'tobacco',
      'xray',
    ]);
    expect(conceptsOf('Plombe').has('seal') && conceptsOf('scellés électroniques').has('seal')).toBe(true);
    // A short word matches only itself: "port" is not "portable".
    expect(conceptsOf('portable scanner').has('port')).toBe(false);
  });

  it('computes trigram similarity as pg_trgm does', () => {
    expect(trigramSimilarity('word', 'word')).toBe(1);
    // pg_trgm: similarity('word', 'two words') = 4/11 (0.363636)
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 5);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });

  it('ranks a French initiative first for a German one with no shared word, with its reasons', () => {
    const [first, ...rest] = mostSimilar(german, [french, seals, { ...french, id: 'own', owner: 'DE' }]);
    expect(first?.id).toBe('fr');
    expect(rest).toEqual([]); // the seals share nothing; the own administration's is never offered
    expect(first?.reasons.map((r) => r.type)).toEqual(['domain', 'trl_band', 'technologies', 'concepts']);
    const concepts = first?.reasons.find((r) => r.type === 'concepts');
    expect(concepts?.type === 'concepts' && concepts.concepts.map((c) => c.id).sort()).toEqual([
      'ai',
      'container',
      'image',
      'tobacco',
      'xray',
    ]);
  });

  it('bands the readiness levels as research, development and deployment', () => {
    expect(['trl_1', 'trl_3', 'trl_4', 'trl_6', 'trl_7', 'trl_9', 'trl_10'].map(trlBand)).toEqual([
      'research',
      'research',
      'development',
      'development',
      'deployment',
      'deployment',
      null,
    ]);
  });
});
