export const OUTPUT_FORMATS = ['json', 'env'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/**
 * The outputs for stdout. json: one object keyed by the action's output names. env: dotenv lines
 * (GitLab artifacts:reports:dotenv), `config_name=value`: hyphens become underscores because
 * dotenv names allow only letters, digits and underscores; values are unquoted, with line breaks
 * turned into spaces. Not meant for `source`: values may hold `&`.
 */
export function formatOutputs(
  outputs: Readonly<Record<string, string>>,
  format: OutputFormat
): string {
  if (format === 'json') return JSON.stringify(outputs, null, 2) + '\n'
  return Object.entries(outputs)
    .map(([name, value]) => `${name.replace(/-/g, '_')}=${value.replace(/\r?\n/g, ' ')}\n`)
    .join('')
}
