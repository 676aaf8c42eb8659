import autocannon from 'autocannon';

export interface LoadOptions {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  headers: Record<string, string>;
  /**
   * Serialized GraphQL request bodies, sent in rotation across all
   * connections, so that the load does not hit one cached row over and over.
   */
  bodies: readonly string[];
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadFigures {
  /** Mean of the once-a-second request-count samples. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  completed: number;
  non2xx: number;
  /** 2xx or not, responses whose body carries a GraphQL `errors` member. */
  errorBodies: number;
  /** Socket errors and timeouts (no response at all). */
  connectionErrors: number;
  timeouts: number;
  durationSeconds: number;
}

/**
 * A GraphQL error can come with HTTP 200, so status codes alone would count
 * a failing query as a fast success. A substring test is enough (and cheap
 * on the client, which shares the CPU with the server): the generated data
 * contains no text "errors".
 */
function bodyHasNoErrors(body: string): boolean {
  return !body.includes('"errors"');
}

export async function runOnce(options: LoadOptions, durationSeconds: number, title: string): Promise<autocannon.Result> {
  if (options.bodies.length === 0) throw new Error(`${title}: no request bodies to send`);
  let next = 0;
  const bodies = options.bodies;
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `${options.baseUrl}/graphql`,
        title,
        connections: options.connections,
        duration: durationSeconds,
        pipelining: 1,
        timeout: 10,
        method: 'POST',
        headers: options.headers,
        verifyBody: bodyHasNoErrors,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: options.headers,
            body: bodies[0],
            // One counter shared by every connection: consecutive requests ask for different rows.
            setupRequest: (request) => {
              request.body = bodies[next % bodies.length];
              next += 1;
              return request;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Warm-up run (discarded: JIT, connection pool, PostgreSQL caches), then the measured run;
 * `around` brackets the measured run only (the CPU samples).
 */
export async function runLoad<T>(options: LoadOptions, title: string, around: { before(): T; after(before: T, figures: LoadFigures): void } | null = null): Promise<LoadFigures> {
  if (options.warmupSeconds > 0) await runOnce(options, options.warmupSeconds, `${title} (warm-up)`);
  const sample = around?.before();
  const result = await runOnce(options, options.durationSeconds, title);
  const figures = toFigures(result);
  if (around !== null) around.after(sample as T, figures);
  return figures;
}

function toFigures(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    completed: result.requests.total,
    non2xx: result.non2xx,
    errorBodies: result.mismatches,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}
