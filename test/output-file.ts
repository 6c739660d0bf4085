/** Parses the runner's output file ($GITHUB_OUTPUT): `name=value` lines and `name<<delimiter` heredocs. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(line)
    if (simple) outputs[simple[1] ?? ''] = simple[2] ?? ''
  }
  return outputs
}
