import { glob, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, isAbsolute, sep } from 'node:path'
import { errorMessage } from '../safety/error-message.js'
import { targetOf, type FleetTarget, type UnusableReport } from './fleet.js'
import { readReport } from './report-reading.js'

/**
 * The largest file read as a report. A real report is tens of KiB (facts included); a file of
 * several MiB is not one run's report, and reading thousands of them whole would cost the job
 * its memory. Our choice: the docs set no limit on a report, only on what the reader can afford.
 */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const PARALLEL_READS = 16

/** What the patterns matched, read: the targets, the files that could not be used. */
export interface ReadReports {
  /** How many files the patterns matched (directories aside). */
  matched: number
  targets: FleetTarget[]
  unusable: UnusableReport[]
}

/**
 * Expands the patterns inside the workspace with Node's own fs.glob and reads every file they
 * match, a few at a time, keeping only each report's row. A file that resolves outside the
 * workspace (through a symbolic link), is not a regular file, is too large, or holds no usable
 * report is named with the reason; directories are skipped.
 */
export async function readReports(patterns: string[], workspace: string): Promise<ReadReports> {
  const files = new Set<string>()
  for await (const file of glob(patterns, { cwd: workspace })) files.add(file)
  const sorted = [...files].sort()
  const realWorkspace = await realpath(workspace)
  const targets: FleetTarget[] = []
  const unusable: UnusableReport[] = []
  let matched = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < sorted.length) {
      const file = sorted[next++]!
      const reading = await readOne(workspace, realWorkspace, file)
      if (reading.kind === 'directory') continue
      matched++
      if (reading.kind === 'target') targets.push(reading.target)
      else unusable.push({ file: shown(file), reason: reading.reason })
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker))
  return { matched, targets, unusable }
}

type FileReading =
  | { kind: 'target'; target: FleetTarget }
  | { kind: 'unusable'; reason: string }
  | { kind: 'directory' }

async function readOne(
  workspace: string,
  realWorkspace: string,
  file: string
): Promise<FileReading> {
  const path = join(workspace, file)
  try {
    const real = await realpath(path)
    if (!inside(realWorkspace, real))
      return { kind: 'unusable', reason: 'outside the workspace (a symbolic link leads there)' }
    const stats = await stat(real)
    if (stats.isDirectory()) return { kind: 'directory' }
    // A named pipe would block the read until someone writes to it; a device is not a report.
    if (!stats.isFile()) return { kind: 'unusable', reason: 'not a regular file' }
    if (stats.size > MAX_REPORT_BYTES) return tooLarge(stats.size)
    const bytes = await readFile(real)
    // The file may have grown since stat.
    if (bytes.length > MAX_REPORT_BYTES) return tooLarge(bytes.length)
    const reading = readReport(bytes.toString('utf8'))
    return reading.kind === 'report'
      ? { kind: 'target', target: targetOf(shown(file), reading.report) }
      : reading
  } catch (error) {
    return { kind: 'unusable', reason: `could not be read: ${errorMessage(error)}` }
  }
}

function tooLarge(bytes: number): FileReading {
  return {
    kind: 'unusable',
    reason: `too large: ${bytes} bytes, over the ${MAX_REPORT_BYTES}-byte limit for one report`
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** A workspace-relative path with forward slashes, as a workflow names it. */
function shown(file: string): string {
  return file.split(sep).join('/')
}
