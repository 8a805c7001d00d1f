import { useQuery } from '@tanstack/react-query';
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type MouseEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ErrorMessage, Loading, useFormat } from '../../components/ui.tsx';
import { useRegistryLabels } from '../labels.ts';
import type { Kind, ViewDef } from '../types.ts';
import { filterFields, listHref, useMeasureLabel, useStats } from './common.tsx';
import { ScaleLegend, ViewFilters } from './parts.tsx';
import { classes, colourOf, countryName, EU_NUMERIC } from './scale.ts';

const W = 760;
const H = 640;
/** Countries smaller than this (in px², e.g. Malta, Luxembourg) also get a marker that can be seen and hit. */
const SMALL = 160;

type Shape = { code: string | null; d: string; small: [number, number] | null; centroid: [number, number] };

/** Loads the 1:50m world (about 750 kB, its own chunk, only when a map is shown) and projects Europe. */
function useEuropeShapes() {
  return useQuery({
    queryKey: ['world-atlas', 'countries-50m'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<Shape[]> => {
      const topo = (await import('world-atlas/countries-50m.json')).default as unknown as Topology;
      const obj = topo.objects.countries as GeometryCollection<{ name: string }>;
      // The Republic of Cyprus is the Member State for the whole island: draw it as one shape.
      const cyprusParts = obj.geometries.filter(
        (g) => g.id === '196' || (g.properties as { name?: string } | undefined)?.name === 'N. Cyprus',
      );
      const cyprus = merge(topo, cyprusParts as never);
      const all = (feature(topo, obj) as FeatureCollection<Geometry, { name: string }>).features.filter(
        (f) => f.properties?.name !== 'N. Cyprus' && f.id !== '196',
      );
      all.push({ type: 'Feature', id: '196', properties: { name: 'Cyprus' }, geometry: cyprus });
      // EU LAEA-like projection (centre 10°E 52°N), fitted to the Member States' mainland and islands.
      const projection = geoAzimuthalEqualArea()
        .rotate([-10, -52])
        .fitExtent(
          [
            [6, 6],
            [W - 6, H - 6],
          ],
          {
            type: 'MultiPoint',
            coordinates: [
              [-10.5, 36],
              [-10.5, 55.5],
              [34.8, 34.5],
              [31.5, 70.1],
              [5, 71],
              [-1, 35.2],
              [14.5, 35.2],
            ],
          },
        )
        .clipExtent([
          [0, 0],
          [W, H],
        ]);
      const path = geoPath(projection);
      const shapes: Shape[] = [];
      for (const f of all as Feature<Geometry, { name: string }>[]) {
        const d = path(f);
        if (!d) continue;
        const code = EU_NUMERIC[String(f.id)] ?? null;
        const centroid = path.centroid(f) as [number, number];
        const small = code && path.area(f) < SMALL ? centroid : null;
        shapes.push({ code, d, small, centroid });
      }
      return shapes;
    },
  });
}

/** The Member States coloured by the view's measure: keyboard-focusable, named, with a table alternative. */
export default function MapView({ kind, view }: { kind: Kind; view: ViewDef }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const fmt = useFormat();
  const labels = useRegistryLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tip, setTip] = useState<{ code: string; x: number; y: number } | null>(null);
  const field = kind.fields.find((f) => f.name === view.field);
  // Without a field the map shows the owning administrations.
  const groupBy = field?.name ?? kind.filters[0]!;
  const offered = filterFields(kind, field ? [field.name] : []);
  const filters = Object.fromEntries(
    offered.map((f) => [f.name, params.get(f.name) ?? '']).filter(([, v]) => v),
  ) as Record<string, string>;
  const stats = useStats(kind.name, view, groupBy, filters);
  const shapes = useEuropeShapes();
  const measure = useMeasureLabel(kind, view);
  const sumField = kind.fields.find((f) => f.name === view.sumField);

  const byCountry = useMemo(() => {
    const out = new Map<string, number>();
    for (const c of stats.data?.cells ?? []) {
      const key = field ? c.value : c.organisation;
      if (key) out.set(key, (out.get(key) ?? 0) + c.measure);
    }
    return out;
  }, [stats.data, field]);

  if (stats.error) return <ErrorMessage error={stats.error} />;
  if (shapes.error) return <ErrorMessage error={shapes.error} />;
  if (stats.isLoading || shapes.isLoading) return <Loading />;

  const scale = classes(Math.max(0, ...byCountry.values()));
  const codes = Object.values(EU_NUMERIC).sort((a, b) =>
    countryName(a, lang).localeCompare(countryName(b, lang)),
  );
  const hrefOf = (code: string) =>
    listHref(kind.name, { ...filters, ...(field ? { [field.name]: code } : { owner: code }) });
  const valueText = (code: string) => {
    const n = byCountry.get(code) ?? 0;
    if (!n) return t('registryViews.map.noRecords');
    return measure.sum && sumField
      ? t('registryViews.map.sumValue', { n: fmt.number(n), field: labels.field(sumField) })
      : t('registryViews.map.countValue', { count: n, n: fmt.number(n) });
  };
  const nameOf = (code: string) =>
    t('registryViews.map.countryLabel', { country: countryName(code, lang), value: valueText(code) });
  const eu = (shapes.data ?? []).filter((s) => s.code);
  const focused = tip ? eu.find((s) => s.code === tip.code) : undefined;
  const follow = (e: MouseEvent, code: string) => {
    e.preventDefault();
    navigate(hrefOf(code));
  };

  return (
    <>
      <ViewFilters fields={offered} />
      <div className="map-layout">
        <figure className="eu-map">
          <figcaption>{t('registryViews.map.caption', { measure: measure.label })}</figcaption>
          <div className="map-frame">
            <svg viewBox={`0 0 ${W} ${H}`} aria-label={t('registryViews.map.svgLabel')}>
              <defs>
                <pattern
                  id="map-none"
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#ffffff" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#8a939d" strokeWidth="1.5" />
                </pattern>
              </defs>
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: neighbouring countries are decoration, nothing here is focusable */}
              <g aria-hidden="true">
                {(shapes.data ?? [])
                  .filter((s) => !s.code)
                  .map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: shapes keep their order
                    <path key={i} d={s.d} className="map-other" />
                  ))}
              </g>
              <g>
                {eu.map((s) => {
                  const code = s.code!;
                  const n = byCountry.get(code);
                  // No records: hatched, so that it cannot be mistaken for the lowest class or the sea.
                  const fill = n ? colourOf(n, scale) : 'url(#map-none)';
                  const show = () => setTip({ code, x: s.centroid[0], y: s.centroid[1] });
                  return (
                    <a
                      key={code}
                      href={hrefOf(code)}
                      className="map-country"
                      aria-label={nameOf(code)}
                      data-code={code}
                      onClick={(e) => follow(e, code)}
                      onFocus={show}
                      onBlur={() => setTip(null)}
                      onMouseEnter={show}
                      onMouseLeave={() => setTip(null)}
                      onKeyDown={(e) => {
                        // WCAG 1.4.13: the tooltip can be dismissed without moving focus.
                        if (e.key === 'Escape') setTip(null);
                      }}
                    >
                      <path d={s.d} fill={fill} />
                      {s.small && <circle cx={s.small[0]} cy={s.small[1]} r={6} fill={fill} />}
                    </a>
                  );
                })}
              </g>
              {focused && (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the outline of the focused country, not focusable
                <g aria-hidden="true">
                  <path className="map-focus-shape" d={focused.d} />
                  {focused.small && (
                    <circle className="map-focus-shape" cx={focused.small[0]} cy={focused.small[1]} r={6} />
                  )}
                </g>
              )}
            </svg>
            {tip && (
              <div
                className="map-tooltip"
                aria-hidden="true"
                style={{ left: `${(tip.x / W) * 100}%`, top: `${(tip.y / H) * 100}%` }}
              >
                <strong>{countryName(tip.code, lang)}</strong>
                <br />
                {valueText(tip.code)}
              </div>
            )}
          </div>
          <ScaleLegend scale={scale} title={measure.label} />
        </figure>
        <div className="table-wrap map-table">
          <table>
            <caption>{t('registryViews.map.tableCaption', { measure: measure.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registryViews.map.country')}</th>
                <th scope="col" className="num">
                  {measure.label}
                </th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code}>
                  <th scope="row">
                    <Link to={hrefOf(code)}>{countryName(code, lang)}</Link>
                  </th>
                  <td className="num">{fmt.number(byCountry.get(code) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
