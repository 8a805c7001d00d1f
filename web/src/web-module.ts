import type { ComponentType, ReactElement } from 'react';
import type { Me } from './api.ts';

/** A page of the web app. Pages behind sign-in are wrapped in the sign-in guard by the app. */
export interface WebRoute {
  path: string;
  element: ReactElement;
  /** Shown without sign-in (the sign-in pages). */
  public?: boolean;
}

/** An entry of the main navigation: a link (shown when `visible` allows), or a component that decides itself. */
export type WebNavEntry =
  | { to: string; label: string; end?: boolean; visible?: (me: Me) => boolean }
  | { item: ComponentType };

/**
 * What an area adds to the web app: its pages and its entries of the main navigation. Every area
 * declares its own (`module.tsx` beside its pages); `web/src/modules.ts` lists them all, in the
 * order of the navigation, and the app builds its router and navigation from that list.
 */
export interface WebModule {
  name: string;
  routes: readonly WebRoute[];
  nav?: readonly WebNavEntry[];
}

export function defineWebModule(m: WebModule): WebModule {
  return m;
}
