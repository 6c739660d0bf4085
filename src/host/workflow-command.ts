/**
 * A workflow command line, `::name key=value,...::message`, escaped as the runner unescapes it
 * (GitHub's "Workflow commands" docs; @actions/core's escapeData and escapeProperty): the
 * command line writes its masks and annotations to stderr this way under GitHub Actions, where
 * @actions/core would write them to stdout, which the command line keeps for its result.
 */
export function workflowCommand(
  name: 'add-mask' | 'error' | 'warning',
  properties: Readonly<Record<string, string>>,
  message: string
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',')
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
