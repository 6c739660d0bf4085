/** Bad input, as one message: each problem names the input and the rule it breaks. */
export function inputProblemsMessage(problems: readonly string[]): string {
  return problems.length === 1
    ? (problems[0] ?? '')
    : `${problems.length} input problems:\n- ${problems.join('\n- ')}`
}
