import type { LuigisBoxClient } from '../luigisbox/client.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import type { Desired } from './plan.js'

/** Everything live for the models the manifests use: one paged list per model, not per manifest. */
export async function readLive(
  client: LuigisBoxClient,
  desired: readonly Desired[],
): Promise<LiveCustomization[]> {
  const models = [...new Set(desired.map((d) => d.scope.model))].sort()
  const pages = await Promise.all(models.map((model) => client.listAll({ model })))
  return pages.flat()
}

/** The live customizations whose scope is the desired one's, looked up afresh. */
export function lookUpScope(
  client: LuigisBoxClient,
  desired: Desired,
): Promise<LiveCustomization[]> {
  const { model, target_type, target_identity } = desired.scope
  return client.listAll({ model, targetType: target_type, targetIdentity: target_identity })
}
