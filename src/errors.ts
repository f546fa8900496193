// Errors are values with a stable code: callers branch on `code`, never on message text.
// The message is a short human sentence, shown on the CLI and stored as lastError.

export type FeedErrorCode =
  | 'network' // connection refused, reset, DNS
  | 'timeout'
  | 'http' // a non-2xx status
  | 'too-large'
  | 'too-many-redirects'
  | 'empty'
  | 'not-a-feed' // HTML page or other non-feed document
  | 'parse' // malformed XML
  | 'decode';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  /** From a 429/503 Retry-After header: how long the server asked us to wait. */
  readonly retryAfterMs?: number;
  /** The configured URL redirects permanently here, even though this request failed. */
  readonly permanentRedirect?: string;
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; retryAfterMs?: number; permanentRedirect?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options?.permanentRedirect !== undefined) this.permanentRedirect = options.permanentRedirect;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s) in the config\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the data dir ${dir} is in use by another nahr process (pid ${pid}); ` +
        `lowdb allows one writer. Stop that process, or poll through it (serve polls on its schedule).`,
    );
  }
}
