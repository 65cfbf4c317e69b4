import { fakeSha } from '../shared/fake-sha.js'
import type { RepoContext } from './repositories.js'

/** The account a GITHUB_TOKEN acts as: every comment written through the stand-in is its. */
export const ACTIONS_BOT = 'github-actions[bot]'

/** A user as the REST API embeds one (`simple-user`) in commits, comments and the like. */
export interface SimpleUser {
  login: string
  id: number
  node_id: string
  avatar_url: string
  gravatar_id: string
  url: string
  html_url: string
  followers_url: string
  following_url: string
  gists_url: string
  starred_url: string
  subscriptions_url: string
  organizations_url: string
  repos_url: string
  events_url: string
  received_events_url: string
  type: 'User' | 'Bot'
  user_view_type: 'public'
  site_admin: false
}

/** Accounts whose real ids tests may recognise; anyone else gets a stable made-up id. */
const KNOWN_IDS: Record<string, number> = { octocat: 1, [ACTIONS_BOT]: 41898282 }

/** `login` as GitHub shows it; a login ending in `[bot]` is an app's bot, as on GitHub. */
export function simpleUser(ctx: Pick<RepoContext, 'api' | 'server'>, login: string): SimpleUser {
  const bot = login.endsWith('[bot]')
  const id =
    KNOWN_IDS[login] ?? 1000 + (Number.parseInt(fakeSha(`user:${login}`).slice(0, 7), 16) % 1e8)
  // GitHub's legacy global ids: base64 of "04:User1", "03:Bot41898282".
  const nodeId = Buffer.from(bot ? `03:Bot${id}` : `04:User${id}`).toString('base64')
  const api = `${ctx.api}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    // A bot's page is its app's page.
    html_url: bot
      ? `${ctx.server}/apps/${login.slice(0, -'[bot]'.length)}`
      : `${ctx.server}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: bot ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false,
  }
}
