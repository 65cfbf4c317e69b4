// GitHub's documented limits. The caps on listings it applies silently.

export const PULL_FILES_CAP = 3000
export const COMPARE_FILES_CAP = 300
/** Commits a compare lists when the request does not page. */
export const COMPARE_COMMITS_UNPAGED = 250
export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100
/** Longest comment body, in characters (code points, not UTF-16 units); longer is a 422. */
export const COMMENT_BODY_MAX = 65536
