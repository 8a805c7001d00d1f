import { describe, expect, it } from 'vitest';
import { reallocateSeats, type SeatNomination } from './seat-reallocation.ts';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 10, 9, minute)).toISOString();
const seat = (id: string, org: string, minute = 0): SeatNomination => ({
  id,
  organisationId: org,
  nominatedAt: at(minute),
  state: 'seated',
});
const wait = (id: string, org: string, minute: number): SeatNomination => ({
  id,
  organisationId: org,
  nominatedAt: at(minute),
  state: 'waiting',
});

describe('release of unused seats (round-robin)', () => {
  it('gives the free seats to the administration with the fewest seats first, then by nomination time', () => {
    // 8 seats: DE holds 3, FR 1, NL 0 → 4 free; DE, FR and NL have people waiting.
    const result = reallocateSeats(8, [
      seat('de1', 'DE'),
      seat('de2', 'DE'),
      seat('de3', 'DE'),
      seat('fr1', 'FR'),
      wait('de4', 'DE', 1),
      wait('fr2', 'FR', 5),
      wait('fr3', 'FR', 6),
      wait('nl1', 'NL', 9),
      wait('nl2', 'NL', 10),
    ]);
    // Round 1: NL (0 seats), FR (1), DE (3); round 2: NL and FR hold 1 and 2 → NL first.
    expect(result.awards).toEqual([
      { nominationId: 'nl1', organisationId: 'NL', round: 1 },
      { nominationId: 'fr2', organisationId: 'FR', round: 1 },
      { nominationId: 'de4', organisationId: 'DE', round: 1 },
      { nominationId: 'nl2', organisationId: 'NL', round: 2 },
    ]);
    expect(result.freeSeats).toBe(0);
  });

  it('breaks a tie in seats by the earliest waiting nomination, then by organisation', () => {
    const result = reallocateSeats(3, [wait('b', 'BE', 7), wait('a', 'AT', 3), wait('c', 'CZ', 3)]);
    expect(result.awards.map((a) => a.nominationId)).toEqual(['a', 'c', 'b']);
  });

  it('within an administration seats its nominees in nomination order, one per round', () => {
    const result = reallocateSeats(4, [
      wait('late', 'PL', 30),
      wait('early', 'PL', 2),
      seat('it1', 'IT'),
      wait('it2', 'IT', 1),
    ]);
    // PL holds 0, IT 1: PL first (early), then IT; round 2: PL and IT hold 1 and 2 → PL (late).
    expect(result.awards.map((a) => `${a.nominationId}:${a.round}`)).toEqual(['early:1', 'it2:1', 'late:2']);
    expect(result.freeSeats).toBe(0);
  });

  it('leaves seats free when nobody waits, and gives nothing when the event is full', () => {
    expect(reallocateSeats(5, [seat('x', 'EE')])).toEqual({ awards: [], freeSeats: 4 });
    expect(reallocateSeats(1, [seat('x', 'EE'), wait('y', 'LV', 1)])).toEqual({ awards: [], freeSeats: 0 });
    expect(() => reallocateSeats(-1, [])).toThrow(/whole number/);
  });

  it('does not depend on the order of its input', () => {
    const input = [
      seat('s', 'DE'),
      wait('w1', 'FR', 4),
      wait('w2', 'NL', 4),
      wait('w3', 'FR', 8),
      wait('w4', 'SE', 1),
    ];
    const expected = reallocateSeats(4, input);
    for (let i = 0; i < 5; i++) {
      const shuffled = [...input].sort(() => Math.random() - 0.5);
      expect(reallocateSeats(4, shuffled)).toEqual(expected);
    }
    expect(expected.awards.map((a) => a.nominationId)).toEqual(['w4', 'w1', 'w2']);
  });
});
