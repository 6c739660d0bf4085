import { describeValue } from '../safety/describe-value.js'
import { parse } from 'yaml'

export interface ActionInput {
  name: string
  description: string
  required: boolean
  default: string
}

export interface ActionOutput {
  name: string
  description: string
}

export interface ActionMetadata {
  inputs: ActionInput[]
  outputs: ActionOutput[]
}

/**
 * The inputs and outputs of action.yml, so that the command line's flags never drift from the
 * action's inputs. Throws when the file is not the shape the runner reads (a map of inputs, each
 * a map with a description).
 */
export function readActionMetadata(text: string): ActionMetadata {
  const document: unknown = parse(text)
  const root = asMap(document, 'action.yml')
  const section = (name: string): Array<[string, Record<string, unknown>]> =>
    Object.entries(asMap(root[name] ?? {}, `action.yml ${name}`)).map(([key, value]) => [
      key,
      asMap(value, `action.yml ${name}.${key}`)
    ])
  return {
    inputs: section('inputs').map(([name, input]) => ({
      name,
      description: text_(input.description),
      required: input.required === true || input.required === 'true',
      default: text_(input.default)
    })),
    outputs: section('outputs').map(([name, output]) => ({
      name,
      description: text_(output.description)
    }))
  }
}

function asMap(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where}: expected a map`)
  return value as Record<string, unknown>
}

/** A scalar as the runner sees it: a string (YAML's true, 10 or null read back as text). */
function text_(value: unknown): string {
  if (value === undefined || value === null) return ''
  return describeValue(value)
}
