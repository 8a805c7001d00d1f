import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import { supportNeedKind } from '../third-countries-kinds.ts';
import { type ProjectSelection, type ReadProject, readableProjects, readableRecordsOf } from './projects.ts';

/**
 * The area's views over the projects the caller may read: the world map (number of projects and
 * budget per recipient country and currency), the timeline per region, and the overlap and synergy
 * finder. Budgets are never converted between currencies: each currency is summed on its own.
 */

const startOf = (p: ReadProject) => p.data.actual_start ?? p.data.planned_start ?? null;
const endOf = (p: ReadProject) => p.data.actual_end ?? p.data.planned_end ?? null;
const countriesOf = (p: ReadProject) =>
  [...new Set((p.data.recipients ?? []).map((r) => r.country).filter(Boolean))] as string[];
const regionsOf = (p: ReadProject) =>
  [...new Set((p.data.recipients ?? []).map((r) => r.region).filter(Boolean))] as string[];

/** Per recipient country: the projects, and the budgets by currency (a project's whole budget, or its share by percentage). */
export async function worldMap(db: Database, a: Actor, s: ProjectSelection) {
  const projects = await readableProjects(db, a, s);
  const byCountry = new Map<string, { count: number; budget: Record<string, number> }>();
  for (const p of projects) {
    for (const r of p.data.recipients ?? []) {
      if (!r.country) continue;
      const cell = byCountry.get(r.country) ?? { count: 0, budget: {} };
      cell.count += 1;
      if (p.data.budget) {
        const share = typeof r.percentage === 'number' ? r.percentage / 100 : 1 / countriesOf(p).length;
        cell.budget[p.data.budget.currency] =
          Math.round(((cell.budget[p.data.budget.currency] ?? 0) + p.data.budget.amount * share) * 100) / 100;
      }
      byCountry.set(r.country, cell);
    }
  }
  return {
    projects: projects.length,
    countries: [...byCountry.entries()]
      .map(([country, v]) => ({ country, ...v }))
      .sort((x, y) => y.count - x.count || x.country.localeCompare(y.country)),
  };
}

/** Per region (a recipient region, or the country for projects naming countries only): the projects on a time axis. */
export async function timeline(db: Database, a: Actor, s: ProjectSelection) {
  const projects = await readableProjects(db, a, s);
  const groups = new Map<string, { region: string | null; country: string | null; items: unknown[] }>();
  for (const p of projects) {
    const keys = regionsOf(p).length
      ? regionsOf(p).map((r) => ({ region: r, country: null }))
      : countriesOf(p).map((c) => ({ region: null, country: c }));
    for (const k of keys) {
      const id = k.region ? `r:${k.region}` : `c:${k.country}`;
      const g = groups.get(id) ?? { ...k, items: [] };
      g.items.push({
        id: p.id,
        title: p.title,
        owner: p.ownerCode,
        seedStatus: p.data.seed_status,
        start: startOf(p),
        end: endOf(p),
      });
      groups.set(id, g);
    }
  }
  return { groups: [...groups.values()] };
}

const overlapDates = (x: ReadProject, y: ReadProject) => {
  const [xs, xe, ys, ye] = [startOf(x), endOf(x), startOf(y), endOf(y)];
  // Open ends run on: a project without an end overlaps anything after its start.
  return (!xs || !ye || xs <= ye) && (!ys || !xe || ys <= xe);
};

/**
 * Overlaps and synergies: pairs of projects of different administrations in the same recipient
 * country with at least one theme in common and overlapping dates — each with its reason; and the
 * support needs no project answers (no linked project, or none the caller can read), with theirs.
 */
export async function overlaps(db: Database, a: Actor, s: ProjectSelection) {
  const projects = await readableProjects(db, a, s);
  const pairs: {
    country: string;
    themes: string[];
    projects: { id: string; title: string; owner: string; start: string | null; end: string | null }[];
    reason: { key: string; params: Record<string, string> };
  }[] = [];
  const byCountry = new Map<string, ReadProject[]>();
  for (const p of projects)
    for (const c of countriesOf(p)) byCountry.set(c, [...(byCountry.get(c) ?? []), p]);
  for (const [country, list] of byCountry) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i]!, list[j]!];
        if (x.ownerOrgId === y.ownerOrgId) continue;
        const themes = (x.data.themes ?? []).filter((t) => (y.data.themes ?? []).includes(t));
        if (!themes.length || !overlapDates(x, y)) continue;
        pairs.push({
          country,
          themes,
          projects: [x, y].map((p) => ({
            id: p.id,
            title: p.title,
            owner: p.ownerCode,
            start: startOf(p),
            end: endOf(p),
          })),
          reason: {
            key: 'thirdCountries.overlap.reason',
            params: { country, themes: themes.join(', '), first: x.ownerCode, second: y.ownerCode },
          },
        });
      }
    }
  }
  const readable = new Set(projects.map((p) => p.id));
  const needs = await readableRecordsOf<{
    title: string;
    country?: string | null;
    region?: string | null;
    themes: string[];
    priority: string;
    need_status: string;
    projects?: string[] | null;
  }>(db, a, supportNeedKind, { owner: s.owner }, 5000);
  const unmet = needs
    .filter((n) => n.data.need_status === 'open' || n.data.need_status === 'being_addressed')
    .filter((n) => !s.country || n.data.country === s.country)
    .filter((n) => !s.theme || n.data.themes.includes(s.theme))
    .filter((n) => !(n.data.projects ?? []).some((id) => readable.has(id)))
    .map((n) => ({
      id: n.id,
      title: n.title,
      country: n.data.country ?? null,
      region: n.data.region ?? null,
      themes: n.data.themes,
      priority: n.data.priority,
      reason: {
        key: (n.data.projects ?? []).length
          ? 'thirdCountries.need.reasonUnreadable'
          : 'thirdCountries.need.reasonNone',
        params: { place: n.data.country ?? n.data.region ?? '' },
      },
    }));
  return { overlaps: pairs, unmetNeeds: unmet };
}
