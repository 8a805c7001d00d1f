/**
 * The release of unused seats of a training event (issue 14), as a pure function: on the release
 * date, the seats no nominee holds — quota seats an administration left unused and seats outside
 * every quota — go round-robin to the administrations with nominees on the waiting list.
 *
 * Each round orders the administrations that still have waiting nominees by the seats they hold at
 * the start of the round (fewest first), then by the nomination time of their earliest waiting
 * nominee (earlier first), then by organisation id (so the result never depends on input order);
 * each gets one seat, given to its earliest waiting nominee, until the seats or the waiting
 * nominees run out. The scheduled task (release-task.ts) applies the result, audits and notifies.
 */
export interface SeatNomination {
  id: string;
  organisationId: string;
  /** ISO 8601 moment of the nomination. */
  nominatedAt: string;
  state: 'seated' | 'waiting';
}

export interface SeatAward {
  nominationId: string;
  organisationId: string;
  /** 1-based round of the round-robin in which the seat was given. */
  round: number;
}

export interface Reallocation {
  awards: SeatAward[];
  /** Seats still free after the release (no administration has anyone waiting). */
  freeSeats: number;
}

export function reallocateSeats(seatsTotal: number, nominations: readonly SeatNomination[]): Reallocation {
  if (!Number.isInteger(seatsTotal) || seatsTotal < 0)
    throw new Error('seatsTotal must be a whole number ≥ 0');
  const held = new Map<string, number>();
  const waiting = new Map<string, SeatNomination[]>();
  let seated = 0;
  for (const n of nominations) {
    if (n.state === 'seated') {
      seated++;
      held.set(n.organisationId, (held.get(n.organisationId) ?? 0) + 1);
    } else {
      const list = waiting.get(n.organisationId) ?? [];
      list.push(n);
      waiting.set(n.organisationId, list);
    }
  }
  for (const list of waiting.values())
    list.sort((a, b) => Date.parse(a.nominatedAt) - Date.parse(b.nominatedAt) || a.id.localeCompare(b.id));
  let free = Math.max(0, seatsTotal - seated);
  const awards: SeatAward[] = [];
  for (let round = 1; free > 0 && waiting.size > 0; round++) {
    const order = [...waiting.entries()]
      .map(([org, list]) => ({ org, seats: held.get(org) ?? 0, first: Date.parse(list[0]!.nominatedAt) }))
      .sort((a, b) => a.seats - b.seats || a.first - b.first || a.org.localeCompare(b.org));
    for (const { org } of order) {
      if (free === 0) break;
      const list = waiting.get(org)!;
      const next = list.shift()!;
      if (list.length === 0) waiting.delete(org);
      held.set(org, (held.get(org) ?? 0) + 1);
      awards.push({ nominationId: next.id, organisationId: org, round });
      free--;
    }
  }
  return { awards, freeSeats: free };
}
