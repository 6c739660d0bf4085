/** Workflow-command data escapes, as @actions/core writes them (its toCommandValue/escapeData). */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/**
 * Turns one line the action logged into what a terminal or a non-GitHub CI log should show.
 * Workflow commands become `error: <title>: message` and the like; `::add-mask::` lines are
 * dropped (they carry the secret itself), `::debug::` lines too unless verbose. Other lines are
 * returned unchanged. Returns undefined for a dropped line. Display only: the command line's
 * result comes from the run's typed result, never from these lines.
 */
export function plainLogLine(line: string, options: { verbose: boolean }): string | undefined {
  const command = /^::([A-Za-z-]+)(?: ([^:]*))?::([\s\S]*)$/.exec(line)
  if (!command) return line
  const [, name = '', props = '', data = ''] = command
  const message = unescapeData(data)
  switch (name) {
    case 'add-mask':
    case 'endgroup':
    case 'echo':
    case 'save-state':
    case 'set-output':
      return undefined
    case 'debug':
      return options.verbose ? `debug: ${message}` : undefined
    case 'group':
      return message
    case 'error':
    case 'warning':
    case 'notice': {
      const properties: Record<string, string> = {}
      for (const pair of props.split(',')) {
        const eq = pair.indexOf('=')
        if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
      }
      const where = properties.file
        ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: `
        : ''
      const title = properties.title ? `${properties.title}: ` : ''
      return `${name}: ${where}${title}${message}`
    }
    default:
      return line
  }
}
