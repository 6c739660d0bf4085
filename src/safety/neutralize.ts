// Line breaks and other control characters (Unicode line and paragraph separators included),
// except the tab; and format characters (zero-width spaces and joiners, soft hyphen, BOM): .NET's
// culture-sensitive IndexOf and StartsWith, which the runner and the Azure Pipelines agent use to
// find commands, may skip them, so `#\u200B#[` could still read as `##[`.
const CONTROL = /\r\n|[\p{Cc}\p{Cf}\u2028\u2029]/gu
const NAMED: Record<string, string> = { '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r' }
// The runner reads a log line as a workflow command when, leading whitespace trimmed, it starts
// with "::".
const COMMAND_START = /^(\s*)::/
// Read anywhere in a line: GitHub's runner still parses the legacy `##[cmd props]data` form
// (actions/runner ActionCommand.cs looks for "##[" with IndexOf), and the Azure Pipelines agent
// acts on `##vso[` anywhere on stdout and stderr (Command.cs, IndexOf, case-sensitive; matched
// here in any case, which costs nothing). Breaking the second `#` makes neither prefix match.
const LEGACY_COMMAND = /#(?=#(?:vso)?\[)/gi

/**
 * Makes a service-provided string inert in the job log and in outputs: line breaks and other
 * control characters are written as escapes (`\n`, `\u001b`), so the value stays on the line it
 * was printed on; a leading `::` is escaped (`\::`), so the line cannot be read as a workflow
 * command (`::error`, `::stop-commands::`, `::add-mask::` ...); and `##[` and `##vso[` anywhere
 * become `#\#[` and `#\#vso[`, so neither GitHub's legacy command form nor Azure Pipelines'
 * logging commands can be formed.
 */
export function neutralize(text: string): string {
  return String(text)
    .replace(CONTROL, c =>
      c === '\t' ? c : (NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    )
    .replace(COMMAND_START, '$1\\::')
    .replace(LEGACY_COMMAND, '#\\')
}
