import { cappedPages, TooManyPagesError } from '../../../../src/clients/http/capped-pages.js'
import { toReadError } from '../../../../src/facts/read-error.js'

/** A pager that offers `total` pages (Infinity: never ends), counting what was fetched. */
function pager(total: number) {
  const state = { fetched: 0, returned: false }
  const pages: AsyncIterable<number[]> = {
    [Symbol.asyncIterator]() {
      return {
        next() {
          if (state.fetched >= total) return Promise.resolve({ done: true, value: undefined })
          state.fetched++
          return Promise.resolve({ done: false, value: [state.fetched] })
        },
        return() {
          state.returned = true
          return Promise.resolve({ done: true, value: undefined })
        }
      }
    }
  }
  return { pages, state }
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = []
  for await (const page of pages) items.push(...page)
  return items
}

describe('cappedPages', () => {
  it('passes every page of a listing that ends within the cap, the last one included', async () => {
    const { pages } = pager(3)
    await expect(collect(cappedPages(pages, 'ARM list things', 3))).resolves.toEqual([1, 2, 3])
  })

  it('fails a listing that offers one page more than the cap, naming the call and the cap', async () => {
    const { pages, state } = pager(4)
    const items: number[] = []
    const listing = (async () => {
      for await (const page of cappedPages(pages, 'ARM list things', 3)) items.push(...page)
    })()
    await expect(listing).rejects.toThrow(
      'ARM list things failed: stopped after 3 pages: the service kept answering with a link to another page'
    )
    await expect(listing).rejects.toBeInstanceOf(TooManyPagesError)
    // The pages before the cap were passed on; the caller gets an error, not a short list.
    expect(items).toEqual([1, 2, 3])
    expect(state.returned).toBe(true)
  })

  it('stops an endless listing after the cap and ends the pager', async () => {
    const { pages, state } = pager(Infinity)
    await expect(collect(cappedPages(pages, 'GitHub GET issues', 100))).rejects.toThrow(
      /stopped after 100 pages/
    )
    expect(state.fetched).toBe(101)
    expect(state.returned).toBe(true)
  })

  it('is not retryable, and reads as a failed read of that call without repeating its name', () => {
    const error = new TooManyPagesError('ARM list role assignments', 1000)
    expect(error.retryable).toBe(false)
    expect(toReadError('ARM list role assignments', error)).toEqual({
      call: 'ARM list role assignments',
      status: undefined,
      kind: 'error',
      message:
        'stopped after 1000 pages: the service kept answering with a link to another page, more than a listing of this kind holds'
    })
  })
})
