import type { RuntimeInfo } from './runtimes/runtime.js';

export type LifecycleStatus = 'supported' | 'deprecated' | 'create-blocked' | 'update-blocked';

/** Returns a runtime's lifecycle status on `today` (YYYY-MM-DD): dates on or before today have taken effect. */
export function lifecycleStatus(runtime: RuntimeInfo, today: string): LifecycleStatus {
  const lifecycle = runtime.lifecycle;
  if (lifecycle.blockUpdate !== null && lifecycle.blockUpdate <= today) {
    return 'update-blocked';
  }
  if (lifecycle.blockCreate !== null && lifecycle.blockCreate <= today) {
    return 'create-blocked';
  }
  if (lifecycle.deprecation !== null && lifecycle.deprecation <= today) {
    return 'deprecated';
  }
  return 'supported';
}
