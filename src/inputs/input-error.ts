/** Bad input: names the input and the rule it breaks. Raised before any network call. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} input problems:\n- ${problems.join('\n- ')}`
    )
    this.name = 'InputError'
  }
}
