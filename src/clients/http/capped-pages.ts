import { ServiceError } from './service-error.js'

/**
 * A paged listing that went on past its cap. Not retryable: asking again would page just as
 * long.
 */
export class TooManyPagesError extends ServiceError {
  constructor(call: string, maxPages: number) {
    super(
      call,
      undefined,
      `stopped after ${maxPages} pages: the service kept answering with a link to another page, more than a listing of this kind holds`
    )
    this.name = 'TooManyPagesError'
  }

  override get retryable(): boolean {
    return false
  }
}

/**
 * The pages of one listing (an SDK pager's byPage(), Octokit's paginate.iterator, our own
 * nextLink loop), at most `maxPages` of them. A service that keeps sending a link to another
 * page (nextLink, a Link header, a skiptoken) fails the listing with TooManyPagesError, naming
 * `call`, as soon as it offers page maxPages + 1, instead of holding the run until its deadline.
 * Never a silent truncation: the item a check looks for could be on a page not read. Leaving
 * the loop early ends the underlying pager (its return() runs).
 */
export async function* cappedPages<T>(
  pages: AsyncIterable<T>,
  call: string,
  maxPages: number
): AsyncGenerator<T, void, undefined> {
  let read = 0
  for await (const page of pages) {
    if (read >= maxPages) throw new TooManyPagesError(call, maxPages)
    read++
    yield page
  }
}
