import type { Log } from '../model/log.js'

/** Where the run is: the runner's context, as far as it is known (all absent on a laptop). */
export interface RunnerContext {
  /** owner/name */
  repository?: string | undefined
  /** The workflow file and ref: `owner/repo/.github/workflows/x.yml@refs/heads/main`. */
  workflowRef?: string | undefined
  /** The checked-out repository. */
  workspace?: string | undefined
  job?: string | undefined
  /** The step's id (or `__owner_repo` for an unnamed step). */
  action?: string | undefined
  actionRepository?: string | undefined
  /** The run's page: `<server>/<owner>/<repo>/actions/runs/<id>`. */
  runUrl?: string | undefined
}

export type AnnotationLevel = 'error' | 'warning'

/**
 * What one run needs from where it runs: GitHub Actions, the command line, or a test. Every
 * text it is given is made safe by the host itself (secrets redacted, workflow commands
 * neutralized, sizes capped), so callers hand service text over as it came.
 */
export interface Host extends Log {
  /** An input's value, trimmed; '' when it was not given. */
  input(name: string): string
  /**
   * The environment the input parser may read (endpoint overrides, tuning knobs): read through
   * here and in the input parser only.
   */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly context: RunnerContext
  error(message: string): void
  /** One annotation per finding that failed or warned, titled with the check id. */
  annotate(level: AnnotationLevel, message: string, title: string): void
  /** Runs `work` with its log lines folded under `name`, where the host can fold. */
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  /** Throws when the output cannot be written (e.g. GITHUB_OUTPUT is missing or unwritable). */
  setOutput(name: string, value: string): void
  /** Writes the job summary (Markdown), replacing nothing written before. */
  writeSummary(markdown: string): Promise<void>
  /** A GitHub OIDC ID token for `audience`; rejects where the job may not request one. */
  idToken(audience: string): Promise<string>
  /** Marks the step (or the command) failed, with this message. */
  fail(message: string): void
}
