import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { ModuleManifest } from '../manifest.ts';
import type { HomeTask, HomeTile } from './home-item.ts';

/**
 * The caller's home page: every module's tiles and tasks (each computed through the module's
 * policies), in module order. Tasks with nothing waiting are left out by the modules.
 */
export async function homeFor(
  ctx: ModuleReadContext,
  modules: readonly ModuleManifest[],
): Promise<{ tiles: (HomeTile & { module: string })[]; tasks: (HomeTask & { module: string })[] }> {
  const tiles: (HomeTile & { module: string })[] = [];
  const tasks: (HomeTask & { module: string })[] = [];
  for (const m of modules) {
    if (m.homeTiles) for (const x of await m.homeTiles(ctx)) tiles.push({ ...x, module: m.name });
    if (m.homeTasks) for (const x of await m.homeTasks(ctx)) tasks.push({ ...x, module: m.name });
  }
  return { tiles, tasks };
}
