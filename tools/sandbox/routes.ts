export type Operation = 'create' | 'list' | 'get' | 'update' | 'delete'

export type Route =
  | { kind: 'no-route'; op?: undefined }
  | { kind: 'unknown-tracker'; op?: undefined }
  | { kind: 'bad-method'; op?: undefined; tracker: string }
  | { kind: 'op'; op: 'create' | 'list'; tracker: string }
  | { kind: 'op'; op: 'get' | 'update' | 'delete'; tracker: string; id: string }

const TRACKER_PREFIX = '/v1/recommender/pin/'

/** Which API operation a request is, by the vendor's URL scheme. */
export function routeOf(method: string, path: string, trackerId: string): Route {
  if (!path.startsWith(TRACKER_PREFIX)) return { kind: 'no-route' }
  const [tracker, ...rest] = path.slice(TRACKER_PREFIX.length).split('/')
  if (tracker === undefined || tracker === '') return { kind: 'no-route' }
  if (tracker !== trackerId) return { kind: 'unknown-tracker' }
  const tail = rest.join('/')
  if (tail === 'scope')
    return method === 'POST'
      ? { kind: 'op', op: 'create', tracker }
      : { kind: 'bad-method', tracker }
  if (tail === 'scopes')
    return method === 'POST' ? { kind: 'op', op: 'list', tracker } : { kind: 'bad-method', tracker }
  if (rest.length === 2 && rest[0] === 'scope' && rest[1]) {
    const id = decodeURIComponent(rest[1])
    if (method === 'GET') return { kind: 'op', op: 'get', tracker, id }
    if (method === 'PUT') return { kind: 'op', op: 'update', tracker, id }
    if (method === 'DELETE') return { kind: 'op', op: 'delete', tracker, id }
    return { kind: 'bad-method', tracker }
  }
  return { kind: 'no-route' }
}
