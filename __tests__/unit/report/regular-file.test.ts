import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeRegularFile } from '../../../src/report/regular-file.js'

describe('writeRegularFile never follows a symbolic link', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aep-cmk-regular-file-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes a new file and replaces an existing regular file', async () => {
    const path = join(dir, 'reports', 'cmk.json')
    await writeRegularFile(path, 'a much longer first text\n', dir)
    await writeRegularFile(path, 'second\n', dir)
    expect(await readFile(path, 'utf8')).toBe('second\n')
  })

  it('refuses a link to an existing file and leaves its target untouched', async () => {
    const target = join(dir, 'precious')
    await writeFile(target, 'keep me\n')
    const link = join(dir, 'cmk.json')
    await symlink(target, link)
    await expect(writeRegularFile(link, 'overwritten', dir)).rejects.toThrow(
      `${link} is a symbolic link, not a regular file`
    )
    expect(await readFile(target, 'utf8')).toBe('keep me\n')
  })

  it('refuses a dangling link and does not create its target', async () => {
    const target = join(dir, 'created-through-link')
    const link = join(dir, 'cmk.sarif')
    await symlink(target, link)
    await expect(writeRegularFile(link, 'x', dir)).rejects.toThrow(/is a symbolic link/)
    await expect(lstat(target)).rejects.toThrow(/ENOENT/)
  })

  it('refuses a path through a linked directory inside the workspace', async () => {
    const elsewhere = join(dir, 'elsewhere')
    await mkdir(elsewhere)
    const workspace = join(dir, 'workspace')
    await mkdir(workspace)
    await symlink(elsewhere, join(workspace, 'reports'))
    const path = join(workspace, 'reports', 'cmk.json')
    await expect(writeRegularFile(path, 'x', workspace)).rejects.toThrow(
      `${join(workspace, 'reports')} is a symbolic link, not a directory`
    )
    await expect(lstat(join(elsewhere, 'cmk.json'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses a relative path through a linked directory', async () => {
    const elsewhere = join(dir, 'elsewhere')
    await mkdir(elsewhere)
    await mkdir(join(dir, 'out'))
    await symlink(elsewhere, join(dir, 'out', 'linked'))
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      await expect(writeRegularFile('out/linked/cmk.json', 'x')).rejects.toThrow(
        /out\/linked is a symbolic link, not a directory/
      )
    } finally {
      process.chdir(cwd)
    }
    await expect(lstat(join(elsewhere, 'cmk.json'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses a directory at that path', async () => {
    await mkdir(join(dir, 'cmk.json'))
    await expect(writeRegularFile(join(dir, 'cmk.json'), 'x', dir)).rejects.toThrow()
  })
})
