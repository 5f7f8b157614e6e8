import { describe, expect, it } from 'vitest';
import { FALLBACK_SOURCE_ID, sourceSlug } from '../../../lib/popup/source-slug';

describe('sourceSlug', () => {
  it.each([
    ['KCNA', 'kcna'],
    ['American authorities', 'american-authorities'],
    ['South Korea’s spy service', 'south-koreas-spy-service'],
    ["Pyongyang's official media", 'pyongyangs-official-media'],
    ['  Agence France-Presse (AFP) ', 'agence-france-presse-afp'],
    ['Le Monde diplomatique — Édition', 'le-monde-diplomatique-edition'],
    ['연합뉴스', '연합뉴스'],
    ['ТАСС', 'тасс'],
    ['“ ” …', FALLBACK_SOURCE_ID],
  ])('%s → %s', (label, slug) => {
    expect(sourceSlug(label)).toBe(slug);
  });
});
