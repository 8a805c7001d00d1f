import { useQuery } from '@tanstack/react-query';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ErrorMessage, Loading, useFormat } from '../components/ui.tsx';
import { ScrollRegion } from '../mapping/result-parts.tsx';
import { ScaleLegend } from '../registry/views/parts.tsx';
import { classes, colourOf, countryName, EU_NUMERIC } from '../registry/views/scale.ts';
import { WORLD_NUMERIC } from './iso-numeric.ts';

const W = 960;
const H = 500;

type Shape = { key: string; code: string | null; d: string };

/** The 1:110m world (its own chunk, loaded when the map is shown), in the Equal Earth projection. */
function useWorldShapes() {
  return useQuery({
    queryKey: ['world-atlas', 'countries-110m'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<Shape[]> => {
      const topo = (await import('world-atlas/countries-110m.json')).default as unknown as Topology;
      const obj = topo.objects.countries as GeometryCollection<{ name: string }>;
      const all = (feature(topo, obj) as FeatureCollection<Geometry, { name: string }>).features;
      const projection = geoEqualEarth().fitExtent(
        [
          [4, 4],
          [W - 4, H - 4],
        ],
        { type: 'Sphere' },
      );
      const path = geoPath(projection);
      return (all as Feature<Geometry, { name: string }>[]).flatMap((f) => {
        const d = path(f);
        const id = String(f.id);
        return d
          ? [
              {
                key: `${id}:${f.properties?.name ?? ''}`,
                code: WORLD_NUMERIC[id] ?? EU_NUMERIC[id] ?? null,
                d,
              },
            ]
          : [];
      });
    },
  });
}

export interface MapCountry {
  country: string;
  count: number;
  budget: Record<string, number>;
}

/** Recipient countries coloured by the number of projects or their budget in one currency, with a table beside. */
export function WorldMap({ countries, measure }: { countries: MapCountry[]; measure: 'count' | string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const shapes = useWorldShapes();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const measureOf = (c: MapCountry) => (measure === 'count' ? c.count : (c.budget[measure] ?? 0));
  const values = new Map(countries.map((c) => [c.country, measureOf(c)]));
  const scale = classes(Math.max(0, ...values.values()));
  const label =
    measure === 'count'
      ? t('thirdCountries.map.count')
      : t('thirdCountries.map.budget', { currency: measure });
  if (shapes.error) return <ErrorMessage error={shapes.error} />;
  if (shapes.isLoading) return <Loading />;
  return (
    <div className="map-layout">
      <figure className="world-map">
        <figcaption>{t('thirdCountries.map.caption', { measure: label })}</figcaption>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t('thirdCountries.map.svgLabel', { measure: label })}
        >
          {(shapes.data ?? []).map((s) => {
            const n = s.code ? values.get(s.code) : undefined;
            return (
              <path
                key={s.key}
                d={s.d}
                fill={n ? colourOf(n, scale) : '#f2f4f7'}
                stroke="#8a939d"
                strokeWidth={0.4}
              >
                {s.code && n ? <title>{`${countryName(s.code, lang)}: ${fmt.number(n)}`}</title> : null}
              </path>
            );
          })}
        </svg>
        <ScaleLegend scale={scale} title={label} />
      </figure>
      <ScrollRegion label={t('thirdCountries.map.tableCaption')}>
        <table>
          <caption>{t('thirdCountries.map.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('thirdCountries.map.country')}</th>
              <th scope="col" className="num">
                {t('thirdCountries.map.count')}
              </th>
              <th scope="col" className="num">
                {t('thirdCountries.map.budgets')}
              </th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr key={c.country} data-country={c.country}>
                <th scope="row">{countryName(c.country, lang)}</th>
                <td className="num">{fmt.number(c.count)}</td>
                <td className="num">
                  {Object.entries(c.budget)
                    .map(([cur, v]) => `${fmt.number(v)} ${cur}`)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
